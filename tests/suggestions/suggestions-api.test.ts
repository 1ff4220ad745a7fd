import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { changedRuns } from '../versions/helpers';
import type { CreateSuggestionBody, Suggestion } from '../../shared/suggestions';
import { doc, fill, paragraph, suggestionBody, textOf, type Target } from './helpers';
import type { DocJSON } from '../../server/export/prosemirror';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('suggestions: made beside the text, accepted into it as the suggester’s change', () => {
  let server: Server;
  let owner: TestUser;
  let editor: TestUser;
  let karim: TestUser;
  let anna: TestUser;
  let wid: string;
  const open: WebsocketProvider[] = [];
  const ws = () => `ws://127.0.0.1:${server.port}/sync`;

  /** A client of `by` on `did`, synced. */
  async function client(did: string, by: TestUser) {
    const c = connectClient(ws(), did, { token: by.token });
    open.push(c.provider);
    await synced(c.provider);
    return c;
  }

  /** A recommendation holding `content`, written by the editor over the socket; their client stays open. */
  async function documentWith(content: DocJSON) {
    const { id } = await createDocument(server.url, owner.token, wid, { title: 'Aanbevelingen wonen' });
    const c = await client(id, editor);
    fill(c.doc, content);
    await settled(c.provider);
    return { did: id, ed: c };
  }

  const suggest = async (did: string, by: TestUser, body: CreateSuggestionBody) => {
    const res = await call(server.url, 'POST', `/api/documents/${did}/suggestions`, { token: by.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.suggestion as Suggestion;
  };
  const decide = (sid: string, how: 'accept' | 'reject', by: TestUser = editor) => call(server.url, 'POST', `/api/suggestions/${sid}/${how}`, { token: by.token });
  const pending = async (did: string) =>
    ((await call(server.url, 'GET', `/api/documents/${did}/suggestions`, { token: anna.token })).body.suggestions as Suggestion[]).map((s) => s.id);

  /** Suggests at `target` on the editor's view of the document, accepts it, and answers the text every client then reads. */
  async function acceptOne(content: DocJSON, target: Target, insertText: string): Promise<string> {
    const { did, ed } = await documentWith(content);
    const s = await suggest(did, karim, suggestionBody(ed.doc, target, insertText));
    expect((await decide(s.id, 'accept')).status).toBe(200);
    const other = await client(did, anna);
    await waitFor(() => textOf(ed.doc) === textOf(other.doc));
    return textOf(ed.doc);
  }

  beforeAll(async () => {
    server = await startTestServer({ VERSION_QUIET_MS: String(3600_000) });
    owner = await registerUser(server.url, { name: 'Olivia Eigenaar', organization: 'Atelier' });
    wid = (await createWorkspace(server.url, owner.token, 'Stadskamer wonen')).id;
    editor = await addMember(server.url, owner.token, wid, 'editor', { name: 'Eva Bewerker', organization: 'Kenniscentrum' });
    karim = await addMember(server.url, owner.token, wid, 'commenter', { name: 'Karim El Amrani', organization: 'Stad Gent' });
    anna = await addMember(server.url, owner.token, wid, 'participant', { name: 'Anna Peeters', organization: 'Stad Antwerpen' });
  });
  afterAll(async () => {
    destroyAll(...open);
    await server.close();
  });

  it('a commenter suggests a replacement inside a sentence; the editor accepts; both clients converge and the diff names the suggester', async () => {
    const { did, ed } = await documentWith(doc(paragraph('De stad investeert in fietspaden.')));
    const other = await client(did, anna);
    const version = await call(server.url, 'POST', `/api/documents/${did}/versions`, { token: editor.token, body: { name: 'voor de voorstellen' } });
    const s = await suggest(did, karim, suggestionBody(ed.doc, 'fietspaden', 'veilige fietspaden'));
    expect(s).toMatchObject({ status: 'pending', deletedText: 'fietspaden', insertText: 'veilige fietspaden', author: { id: karim.user.id }, decidedBy: null });
    expect(await pending(did)).toEqual([s.id]);

    const accepted = await decide(s.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.suggestion).toMatchObject({ status: 'accepted', decidedBy: { id: editor.user.id } });
    await waitFor(() => textOf(ed.doc) === 'De stad investeert in veilige fietspaden.' && textOf(other.doc) === textOf(ed.doc));
    expect(Y.encodeStateVector(ed.doc)).toEqual(Y.encodeStateVector(other.doc));
    expect(await pending(did)).toEqual([]);
    const all = await call(server.url, 'GET', `/api/documents/${did}/suggestions?status=all`, { token: karim.token });
    expect(all.body.suggestions.map((x: Suggestion) => x.status)).toEqual(['accepted']);

    const diff = await call(server.url, 'GET', `/api/versions/${version.body.version.id}/diff?against=current`, { token: owner.token });
    expect(changedRuns(diff.body.content).filter(([kind]) => kind === 'added')).toEqual([['added', karim.user.id, 'veilige ']]);
  });

  it('a rejected suggestion leaves the text; an author withdraws their own', async () => {
    const { did, ed } = await documentWith(doc(paragraph('Elke wijk krijgt een buurthuis.')));
    const rejected = await suggest(did, karim, suggestionBody(ed.doc, 'een buurthuis', 'twee buurthuizen'));
    const withdrawn = await suggest(did, anna, suggestionBody(ed.doc, { after: 'buurthuis' }, ' en een park'));
    const r = await decide(rejected.id, 'reject');
    expect(r.body.suggestion).toMatchObject({ status: 'rejected', decidedBy: { id: editor.user.id } });
    const w = await call(server.url, 'DELETE', `/api/suggestions/${withdrawn.id}`, { token: anna.token });
    expect(w.status).toBe(200);
    expect(w.body.suggestion).toMatchObject({ status: 'withdrawn', decidedBy: { id: anna.user.id } });
    expect(await pending(did)).toEqual([]);
    expect(textOf(ed.doc)).toBe('Elke wijk krijgt een buurthuis.');
    const activity = await call(server.url, 'GET', `/api/workspaces/${wid}/activity?types=suggestion.rejected`, { token: owner.token });
    const events = activity.body.events.filter((e: { data: { suggestionId: string } }) => [rejected.id, withdrawn.id].includes(e.data.suggestionId));
    expect(events.map((e: { data: { withdrawn?: boolean } }) => e.data.withdrawn ?? false).sort()).toEqual([false, true]);
  });

  it('accepts all of one person’s suggestions, then all, from the end backwards; each credited to its suggester', async () => {
    const { did, ed } = await documentWith(doc(paragraph('Wonen is duur. Huren is duurder.'), paragraph('Kopen is het duurst.')));
    const version = await call(server.url, 'POST', `/api/documents/${did}/versions`, { token: editor.token, body: { name: 'begin' } });
    const k1 = await suggest(did, karim, suggestionBody(ed.doc, 'Wonen', 'Wonen in de stad'));
    const k2 = await suggest(did, karim, suggestionBody(ed.doc, 'het duurst', 'onbetaalbaar'));
    const a1 = await suggest(did, anna, suggestionBody(ed.doc, 'duurder', 'nog duurder'));
    const mine = await call(server.url, 'POST', `/api/documents/${did}/suggestions/accept`, { token: editor.token, body: { authorId: karim.user.id } });
    expect(mine.status).toBe(200);
    expect(mine.body.decided.map((s: Suggestion) => s.id)).toEqual([k1.id, k2.id]);
    expect(mine.body.outdated).toEqual([]);
    expect(await pending(did)).toEqual([a1.id]);
    const rest = await call(server.url, 'POST', `/api/documents/${did}/suggestions/accept`, { token: owner.token, body: {} });
    expect(rest.body.decided.map((s: Suggestion) => s.id)).toEqual([a1.id]);
    await waitFor(() => textOf(ed.doc) === 'Wonen in de stad is duur. Huren is nog duurder.\nKopen is onbetaalbaar.');
    const diff = await call(server.url, 'GET', `/api/versions/${version.body.version.id}/diff?against=current`, { token: owner.token });
    // Who added how much, in document order (the text diff may place " in de stad" as "n de stad i": the same change).
    const added = changedRuns(diff.body.content).filter(([kind]) => kind === 'added');
    expect(added.map(([, by, text]) => [by, text.length])).toEqual([
      [karim.user.id, ' in de stad'.length],
      [anna.user.id, 'nog '.length],
      [karim.user.id, 'onbetaalbaar'.length],
    ]);
  });

  it('rejects all pending suggestions at once', async () => {
    const { did, ed } = await documentWith(doc(paragraph('Het plein wordt groen.')));
    await suggest(did, karim, suggestionBody(ed.doc, 'plein', 'marktplein'));
    await suggest(did, anna, suggestionBody(ed.doc, 'groen', 'autovrij'));
    const res = await call(server.url, 'POST', `/api/documents/${did}/suggestions/reject`, { token: editor.token, body: {} });
    expect(res.body.decided.map((s: Suggestion) => s.status)).toEqual(['rejected', 'rejected']);
    expect(await pending(did)).toEqual([]);
    expect(textOf(ed.doc)).toBe('Het plein wordt groen.');
  });

  it('a suggestion stays on its text while two clients type before and after it, and lands there when accepted', async () => {
    const { did, ed } = await documentWith(doc(paragraph('Wij vragen meer sociale woningen in elke gemeente.')));
    const s = await suggest(did, karim, suggestionBody(ed.doc, 'meer', 'dubbel zoveel'));
    const other = await client(did, owner);
    const text = (d: Y.Doc) => (d.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text(ed.doc).insert(0, 'Samen: ');
    text(other.doc).insert(text(other.doc).length - 1, ' van Vlaanderen');
    text(ed.doc).insert(text(ed.doc).toString().indexOf('meer'), 'veel ');
    await settled(ed.provider, other.provider);
    await settled(other.provider, ed.provider);
    expect((await decide(s.id, 'accept')).status).toBe(200);
    const expected = 'Samen: Wij vragen veel dubbel zoveel sociale woningen in elke gemeente van Vlaanderen.';
    await waitFor(() => textOf(ed.doc) === expected && textOf(other.doc) === expected);
  });

  it('an insertion with a line break splits the paragraph it lands in', async () => {
    const text = await acceptOne(doc(paragraph('Eerst de wijken. Dan de stad.')), { after: 'wijken.' }, '\nDaarna de dorpen.\n');
    expect(text).toBe('Eerst de wijken.\nDaarna de dorpen.\n Dan de stad.');
  });

  it('keeps the marks where the text goes: a replacement inside bold text is bold', async () => {
    const { did, ed } = await documentWith(doc(paragraph('Dit is ', { text: 'heel belangrijk', marks: [{ type: 'bold' }] }, '.')));
    const s = await suggest(did, karim, suggestionBody(ed.doc, 'heel', 'echt'));
    expect((await decide(s.id, 'accept')).status).toBe(200);
    const exported = await call(server.url, 'GET', `/api/documents/${did}/export?format=json`, { token: owner.token });
    expect(exported.body.content[0].content).toEqual([
      { type: 'text', text: 'Dit is ' },
      { type: 'text', text: 'echt belangrijk', marks: [{ type: 'bold' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('replaces text inside a list item and inside a table cell', async () => {
    const list = doc({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Meer groen')] }, { type: 'listItem', content: [paragraph('Minder auto’s')] }] });
    expect(await acceptOne(list, 'Minder', 'Veel minder')).toBe('Meer groen\nVeel minder auto’s');
    const cell = (t: string) => ({ type: 'tableCell', content: [paragraph(t)] });
    const table = doc({ type: 'table', content: [{ type: 'tableRow', content: [cell('Gent'), cell('120 woningen')] }] });
    expect(await acceptOne(table, '120', '150')).toBe('Gent\n150 woningen');
  });

  it('a suggestion across two paragraphs joins them when accepted', async () => {
    const text = await acceptOne(doc(paragraph('Het eerste deel.'), paragraph('Het tweede deel.')), { from: 'deel.', to: 'Het tweede' }, 'en het tweede');
    expect(text).toBe('Het eerste en het tweede deel.');
  });
});
