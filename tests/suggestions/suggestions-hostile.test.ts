import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { awarenessMarker, settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startTestServer, tempDataDir } from '../helpers/server';
import { SseClient } from '../helpers/sse';
import { MAX_PENDING_SUGGESTIONS, MAX_SUGGESTION_TEXT, type Suggestion } from '../../shared/suggestions';
import { SUGGESTIONS_PER_MINUTE } from '../../server/suggestions';
import { doc, fill, paragraph, suggestionBody, textOf } from './helpers';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Stored update rows of a document and the text they hold (this file runs on SQLite). */
function stored(dataDir: string, documentId: string): { rows: number; text: string } {
  const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'), { readonly: true });
  try {
    const doc = new Y.Doc();
    const rows = db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').pluck().all(documentId) as Buffer[];
    for (const row of rows) Y.applyUpdate(doc, row);
    return { rows: rows.length, text: textOf(doc) };
  } finally {
    db.close();
  }
}

describe('suggestions refuse what a role may not do, and a commenter’s socket never writes', () => {
  const dataDir = tempDataDir();
  let server: Server;
  let owner: TestUser;
  let editor: TestUser;
  let commenter: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let wid: string;
  const open: WebsocketProvider[] = [];
  const ws = () => `ws://127.0.0.1:${server.port}/sync`;
  const api = (method: string, p: string, token?: string, body?: unknown) => call(server.url, method, p, { token, body });

  async function client(did: string, by: TestUser, d?: Y.Doc) {
    const c = connectClient(ws(), did, { token: by.token, doc: d });
    open.push(c.provider);
    await synced(c.provider);
    return c;
  }

  async function documentWith(text: string) {
    const { id } = await createDocument(server.url, owner.token, wid, { title: 'Aanbevelingen' });
    const ed = await client(id, editor);
    fill(ed.doc, doc(paragraph(text)));
    await settled(ed.provider);
    return { did: id, ed };
  }

  const suggest = async (did: string, body: unknown, by = commenter) => api('POST', `/api/documents/${did}/suggestions`, by.token, body);

  beforeAll(async () => {
    server = await startTestServer({ DATA_DIR: dataDir });
    owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
    wid = (await createWorkspace(server.url, owner.token)).id;
    editor = await addMember(server.url, owner.token, wid, 'editor');
    commenter = await addMember(server.url, owner.token, wid, 'commenter', { name: 'Karim El Amrani' });
    viewer = await addMember(server.url, owner.token, wid, 'viewer');
    outsider = await registerUser(server.url);
    await createWorkspace(server.url, outsider.token, 'Elders');
  });
  afterAll(async () => {
    destroyAll(...open);
    await server.close();
  });

  it('a commenter’s stock client and raw socket cannot change the text, before or after a restart; the API takes their suggestion', async () => {
    const { did, ed } = await documentWith('Geaccepteerde tekst blijft staan.');
    const before = stored(dataDir, did);
    expect(before.text).toBe('Geaccepteerde tekst blijft staan.');

    const mine = await client(did, commenter);
    ((mine.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'VANDAAL ');
    await awarenessMarker(mine.provider, ed.provider, 'na-de-stock-client');
    const raw = await RawYjsClient.open(ws(), did, commenter.token);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(raw.doc));
    const sv = Y.encodeStateVector(forged);
    ((forged.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 13);
    raw.sendUpdate(Y.encodeStateAsUpdate(forged, sv));
    expect(await raw.roundTrip()).toBe(true);
    raw.close();

    expect(textOf(ed.doc)).toBe('Geaccepteerde tekst blijft staan.');
    expect(stored(dataDir, did)).toEqual(before);
    const s = await suggest(did, suggestionBody(ed.doc, 'blijft staan', 'verandert alleen via een voorstel'));
    expect(s.status).toBe(201);

    destroyAll(...open.splice(0));
    await server.close();
    server = await startTestServer({ DATA_DIR: dataDir });
    const fresh = await client(did, editor);
    expect(textOf(fresh.doc)).toBe('Geaccepteerde tekst blijft staan.');
    expect(stored(dataDir, did)).toEqual(before);
    expect((await api('POST', `/api/suggestions/${s.body.suggestion.id}/accept`, editor.token)).status).toBe(200);
    await waitFor(() => textOf(fresh.doc) === 'Geaccepteerde tekst verandert alleen via een voorstel.');
  });

  it('answers 401, 403 and 404 by role and workspace', async () => {
    const { did, ed } = await documentWith('Een zin om voor te stellen.');
    const body = suggestionBody(ed.doc, 'zin', 'regel');
    expect((await suggest(did, body, viewer)).status).toBe(403);
    expect((await suggest(did, body, outsider)).status).toBe(404);
    expect((await api('GET', `/api/documents/${did}/suggestions`, outsider.token)).status).toBe(404);
    expect((await api('GET', `/api/documents/${did}/suggestions`)).status).toBe(401);
    expect((await suggest(did, body, { ...commenter, token: '' })).status).toBe(401);
    expect((await api('GET', `/api/documents/${did}/suggestions`, viewer.token)).status).toBe(200);
    const s = (await suggest(did, body)).body.suggestion as Suggestion;
    for (const how of ['accept', 'reject']) {
      expect((await api('POST', `/api/suggestions/${s.id}/${how}`, commenter.token)).status).toBe(403);
      expect((await api('POST', `/api/documents/${did}/suggestions/${how}`, commenter.token, {})).status).toBe(403);
      expect((await api('POST', `/api/suggestions/${s.id}/${how}`, outsider.token)).status).toBe(404);
      expect((await api('POST', `/api/suggestions/${s.id}/${how}`)).status).toBe(401);
    }
    // Someone else's suggestion: an editor may reject it, not rewrite or withdraw it.
    expect((await api('PATCH', `/api/suggestions/${s.id}`, editor.token, body)).status).toBe(403);
    expect((await api('DELETE', `/api/suggestions/${s.id}`, editor.token)).status).toBe(403);
    expect((await api('PATCH', `/api/suggestions/${s.id}`, outsider.token, body)).status).toBe(404);
    expect((await api('DELETE', `/api/suggestions/nope`, commenter.token)).status).toBe(404);
    expect((await api('GET', `/api/documents/${did}/suggestions`, owner.token)).body.suggestions).toHaveLength(1);
  });

  it('answers 422 to bodies that are not a suggestion, and anchor_mismatch to one that is not on its text', async () => {
    const { did, ed } = await documentWith('De stad plant bomen.');
    const good = suggestionBody(ed.doc, 'bomen', 'eiken');
    const bad: [string, unknown][] = [
      ['control character', { ...good, insertText: 'eik\u0007en' }],
      ['over-long', { ...good, insertText: 'a'.repeat(MAX_SUGGESTION_TEXT + 1) }],
      ['both texts empty', { anchor: good.anchor, deletedText: '', insertText: '' }],
      ['anchor not base64', { ...good, anchor: { start: 'niet base64!', end: good.anchor.end } }],
      ['extra key', { ...good, status: 'accepted' }],
      ['extra key in anchor', { ...good, anchor: { ...good.anchor, extra: 1 } }],
      ['missing insertText', { anchor: good.anchor, deletedText: 'bomen' }],
    ];
    for (const [what, body] of bad) {
      const res = await suggest(did, body);
      expect([what, res.status, res.body.error.code]).toEqual([what, 422, 'invalid_field']);
    }
    // Base64 that decodes to a position nowhere in the content: refused as not on its text.
    const nowhere = await suggest(did, { ...good, anchor: { start: 'AAAA', end: good.anchor.end } });
    expect([nowhere.status, nowhere.body.error.code]).toEqual([422, 'anchor_mismatch']);
    const mismatch = await suggest(did, { ...good, deletedText: 'struiken' });
    expect([mismatch.status, mismatch.body.error.code]).toEqual([422, 'anchor_mismatch']);
    const elsewhere = await documentWith('Een ander document.');
    const foreign = await suggest(did, suggestionBody(elsewhere.ed.doc, 'ander', 'tweede'));
    expect([foreign.status, foreign.body.error.code]).toEqual([422, 'anchor_mismatch']);
    expect((await api('GET', `/api/documents/${did}/suggestions`, owner.token)).body.suggestions).toEqual([]);
    expect((await api('POST', `/api/documents/${did}/suggestions/accept`, editor.token, { authorId: 5 })).status).toBe(422);
  });

  it('409: an outdated suggestion stays pending; deciding twice; changing a decided one; a board', async () => {
    const { did, ed } = await documentWith('De stad plant honderd bomen.');
    const s = (await suggest(did, suggestionBody(ed.doc, 'honderd', 'duizend'))).body.suggestion as Suggestion;
    const t = ((ed.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText);
    t.insert(t.toString().indexOf('honderd') + 3, 'X');
    await settled(ed.provider);
    const outdated = await api('POST', `/api/suggestions/${s.id}/accept`, editor.token);
    expect([outdated.status, outdated.body.error.code]).toEqual([409, 'suggestion_outdated']);
    expect(outdated.body.error.message).toMatch(/De tekst van dit voorstel werd intussen aangepast/);
    expect(textOf(ed.doc)).toBe('De stad plant honXderd bomen.');
    const bulk = await api('POST', `/api/documents/${did}/suggestions/accept`, editor.token, {});
    expect(bulk.body).toEqual({ decided: [], outdated: [s.id] });
    expect((await api('GET', `/api/documents/${did}/suggestions`, owner.token)).body.suggestions.map((x: Suggestion) => x.status)).toEqual(['pending']);

    expect((await api('POST', `/api/suggestions/${s.id}/reject`, editor.token)).status).toBe(200);
    for (const [method, p, by] of [
      ['POST', `/api/suggestions/${s.id}/reject`, editor],
      ['POST', `/api/suggestions/${s.id}/accept`, editor],
      ['DELETE', `/api/suggestions/${s.id}`, commenter],
    ] as const) {
      const again = await api(method, p, by.token);
      expect([p, again.status, again.body.error.code]).toEqual([p, 409, 'suggestion_decided']);
    }
    const grow = await api('PATCH', `/api/suggestions/${s.id}`, commenter.token, suggestionBody(ed.doc, 'bomen', 'eiken'));
    expect([grow.status, grow.body.error.code]).toEqual([409, 'suggestion_decided']);

    const board = await createDocument(server.url, owner.token, wid, { kind: 'board', title: 'Bord' });
    const onBoard = await suggest(board.id, suggestionBody(ed.doc, 'bomen', 'eiken'));
    expect([onBoard.status, onBoard.body.error.code]).toEqual([409, 'not_a_text_document']);
    expect((await api('GET', `/api/documents/${board.id}/suggestions`, owner.token)).status).toBe(409);
  });

  it(`refuses a suggestion beyond ${MAX_PENDING_SUGGESTIONS} pending ones with 409 too_many_suggestions`, async () => {
    const { did, ed } = await documentWith('Een vol document.');
    const body = suggestionBody(ed.doc, 'vol', 'overvol');
    const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'));
    try {
      const now = new Date().toISOString();
      const insert = db.prepare(
        `INSERT INTO suggestions (id, document_id, author_id, anchor_start, anchor_end, deleted_text, insert_text, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'vol', 'overvol', 'pending', ?, ?)`,
      );
      db.transaction(() => {
        for (let i = 0; i < MAX_PENDING_SUGGESTIONS; i++) insert.run(`seed-${i}`, did, commenter.user.id, body.anchor.start, body.anchor.end, now, now);
      })();
    } finally {
      db.close();
    }
    const res = await suggest(did, body);
    expect([res.status, res.body.error.code]).toEqual([409, 'too_many_suggestions']);
  });

  it(`slows a person down after ${SUGGESTIONS_PER_MINUTE} new suggestions a minute (429 with Retry-After)`, async () => {
    const { did, ed } = await documentWith('Veel voorstellen op een rij.');
    const hasty = await addMember(server.url, owner.token, wid, 'commenter');
    const body = suggestionBody(ed.doc, 'Veel', 'Heel veel');
    for (let i = 0; i < SUGGESTIONS_PER_MINUTE; i++) expect((await suggest(did, body, hasty)).status).toBe(201);
    const slowed = await suggest(did, body, hasty);
    expect([slowed.status, slowed.body.error.code]).toEqual([429, 'too_many_requests']);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await suggest(did, body, commenter)).status).toBe(201);
  });

  it('others see a suggestion appear, grow and go on the event stream; its growing is not activity', async () => {
    const { did, ed } = await documentWith('Live zichtbaar voorstel.');
    const sse = new SseClient(`${server.url}/api/workspaces/${wid}/events`, { authorization: `Bearer ${editor.token}` });
    await sse.opened;
    const s = (await suggest(did, suggestionBody(ed.doc, { after: 'Live' }, ' en'))).body.suggestion as Suggestion;
    const grown = await api('PATCH', `/api/suggestions/${s.id}`, commenter.token, suggestionBody(ed.doc, { after: 'Live' }, ' en snel'));
    expect(grown.status).toBe(200);
    expect(grown.body.suggestion).toMatchObject({ id: s.id, insertText: ' en snel', status: 'pending' });
    expect((await api('DELETE', `/api/suggestions/${s.id}`, commenter.token)).status).toBe(200);
    const mine = () => sse.events().filter((e) => e.data.suggestionId === s.id);
    await waitFor(() => mine().length === 3, 5_000, 'three suggestion events');
    sse.close();
    expect(mine().map((e) => [e.type, e.subject, e.data.documentId, e.data.authorId, e.data.withdrawn])).toEqual([
      ['suggestion.created', did, did, commenter.user.id, undefined],
      ['suggestion.updated', did, did, commenter.user.id, undefined],
      ['suggestion.rejected', did, did, commenter.user.id, true],
    ]);
    const activity = await api('GET', `/api/workspaces/${wid}/activity`, owner.token);
    const types = activity.body.events.filter((e: { data: { suggestionId?: string } }) => e.data.suggestionId === s.id).map((e: { type: string }) => e.type);
    expect(types).toEqual(['suggestion.rejected', 'suggestion.created']);
    expect((await api('GET', `/api/workspaces/${wid}/activity?types=suggestion.updated`, owner.token)).status).toBe(422);
  });
});
