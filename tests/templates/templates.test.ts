import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, call, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { MAX_TEMPLATES_PER_WORKSPACE } from '../../shared/templates';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** The element names and texts of a TipTap fragment, top level only. */
function outline(doc: Y.Doc): { name: string; text: string }[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((n) => ({ name: (n as Y.XmlElement).nodeName, text: (n as Y.XmlElement).toString().replace(/<[^>]+>/g, '') }));
}

describe('templates', () => {
  let server: Server;
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let wid: string;
  let otherWid: string;
  const ws = () => `ws://127.0.0.1:${server.port}/sync`;

  async function create(token: string, workspaceId: string, body: Record<string, unknown>) {
    return call(server.url, 'POST', `/api/workspaces/${workspaceId}/documents`, { token, body: { title: 'Uit sjabloon', ...body } });
  }

  /** Opens the document with the stock client right after 201: what a person sees first. */
  async function opened(documentId: string, token = editor.token): Promise<Y.Doc> {
    const { doc, provider } = connectClient(ws(), documentId, { token });
    await synced(provider);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    destroyAll(provider);
    return copy;
  }

  beforeAll(async () => {
    server = await startTestServer();
    owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
    wid = (await createWorkspace(server.url, owner.token, 'Stadskamer Deinze')).id;
    otherWid = (await createWorkspace(server.url, owner.token, 'Stadskamer Mechelen')).id;
    editor = await addMember(server.url, owner.token, wid, 'editor', { name: 'Eddy Bewerker' });
    viewer = await addMember(server.url, owner.token, wid, 'viewer', { name: 'Vera Lezer' });
    outsider = await registerUser(server.url, { name: 'Otto Buiten' });
  });

  afterAll(async () => {
    await server.close();
  });

  it('lists the built-in templates to members, not to outsiders', async () => {
    const list = await call(server.url, 'GET', `/api/workspaces/${wid}/templates`, { token: viewer.token });
    expect(list.status).toBe(200);
    expect(list.body.templates.map((t: { id: string; kind: string }) => `${t.id}/${t.kind}`)).toEqual([
      'builtin:aanbevelingennota/recommendation',
      'builtin:verslag-stadskamer/note',
      'builtin:netwerknotitie/note',
      'builtin:atelierbord/board',
    ]);
    expect((await call(server.url, 'GET', `/api/workspaces/${wid}/templates`, { token: outsider.token })).status).toBe(404);
  });

  it.each([
    ['builtin:aanbevelingennota', 'recommendation', 'Aanbevelingennota', ['Aanleiding', 'Vaststellingen', 'Aanbevelingen', 'Volgende stappen']],
    ['builtin:verslag-stadskamer', 'note', 'Verslag stadskamer', ['Invalshoeken', 'Samenvatting', 'Wat we hoorden', 'Afspraken']],
    ['builtin:netwerknotitie', 'note', 'Netwerknotitie', ['Wie is betrokken?', 'Rol van de stad', 'Volgende contacten']],
  ])('%s: the document opens with headings, guidance and lists', async (templateId, kind, title, sections) => {
    const res = await create(editor.token, wid, { kind, templateId });
    expect(res.status).toBe(201);
    const parts = outline(await opened(res.body.document.id));
    expect(parts[0]).toEqual({ name: 'heading', text: title });
    const headings = parts.filter((p) => p.name === 'heading').map((p) => p.text);
    expect(headings).toEqual(expect.arrayContaining(sections));
    expect(parts.some((p) => p.name === 'bulletList' || p.name === 'orderedList')).toBe(true);
    expect(parts.filter((p) => p.name === 'paragraph').length).toBeGreaterThan(2);
    // The export reads the same content through the editor schema: nothing the editor cannot open.
    const exported = await call(server.url, 'GET', `/api/documents/${res.body.document.id}/export?format=markdown`, { token: viewer.token });
    expect(exported.status).toBe(200);
    expect(exported.body).toContain(`# ${title}`);
  });

  it('builtin:atelierbord: a board with the three workshop columns and no cards', async () => {
    const res = await create(editor.token, wid, { kind: 'board', templateId: 'builtin:atelierbord' });
    expect(res.status).toBe(201);
    const doc = await opened(res.body.document.id);
    const columns = doc.getArray<Y.Map<unknown>>('columns').toArray();
    expect(columns.map((c) => c.get('title'))).toEqual(['Interne organisatie', 'De stad als netwerkbestuur', 'Vlaams stedenbeleid']);
    expect(new Set(columns.map((c) => c.get('id'))).size).toBe(3);
    expect(doc.getMap('cards').size).toBe(0);
  });

  it('refuses unknown templates and templates of another kind, creating nothing', async () => {
    const before = (await call(server.url, 'GET', `/api/workspaces/${wid}/documents`, { token: owner.token })).body.documents.length;
    for (const body of [
      { kind: 'note', templateId: 'builtin:bestaat-niet' },
      { kind: 'note', templateId: 'builtin:atelierbord' },
      { kind: 'board', templateId: 'geen-sjabloon' },
      { kind: 'note', templateId: 'x'.repeat(65) },
    ]) {
      const res = await create(editor.token, wid, body);
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe('templateId');
    }
    const after = (await call(server.url, 'GET', `/api/workspaces/${wid}/documents`, { token: owner.token })).body.documents.length;
    expect(after).toBe(before);
  });

  it('saves a document as a workspace template: a frozen copy, usable only in its workspace, deletable by owners', async () => {
    const source = await create(editor.token, wid, { kind: 'note', templateId: 'builtin:netwerknotitie' });
    const did = source.body.document.id;
    const { doc, provider } = connectClient(ws(), did, { token: editor.token });
    await synced(provider);
    const added = new Y.XmlElement('paragraph');
    added.insert(0, [new Y.XmlText('Partners: OCMW, welzijnsschakels')]);
    doc.getXmlFragment('default').push([added]);
    const check = connectClient(ws(), did, { token: owner.token });
    await synced(check.provider);
    await waitFor(() => check.doc.getXmlFragment('default').toString().includes('welzijnsschakels'), 5_000, 'edit stored');
    destroyAll(check.provider);

    const path = `/api/documents/${did}/template`;
    expect((await call(server.url, 'POST', path, { token: viewer.token, body: { name: 'Ons netwerk' } })).status).toBe(403);
    expect((await call(server.url, 'POST', path, { token: editor.token, body: { name: 'Ons netwerk' } })).status).toBe(403);
    expect((await call(server.url, 'POST', path, { token: outsider.token, body: { name: 'Ons netwerk' } })).status).toBe(404);
    for (const name of ['', 'x'.repeat(301), 'twee\nregels', 42]) {
      const bad = await call(server.url, 'POST', path, { token: owner.token, body: { name } });
      expect(bad.status).toBe(422);
      expect(bad.body.error.field).toBe('name');
    }
    const saved = await call(server.url, 'POST', path, { token: owner.token, body: { name: '  Ons netwerk  ' } });
    expect(saved.status).toBe(201);
    expect(saved.body.template).toMatchObject({ name: 'Ons netwerk', kind: 'note', builtin: false });
    const tid = saved.body.template.id;

    // Later edits to the source do not reach the template.
    doc.getXmlFragment('default').push([new Y.XmlElement('horizontalRule')]);
    const list = await call(server.url, 'GET', `/api/workspaces/${wid}/templates`, { token: viewer.token });
    expect(list.body.templates.map((t: { id: string }) => t.id)).toContain(tid);

    const made = await create(editor.token, wid, { kind: 'note', templateId: tid, title: 'Netwerk Deinze' });
    expect(made.status).toBe(201);
    const copy = await opened(made.body.document.id);
    expect(copy.getXmlFragment('default').toString()).toContain('welzijnsschakels');
    expect(outline(copy).map((p) => p.name)).not.toContain('horizontalRule');
    destroyAll(provider);

    // Another workspace cannot use it, list it, or delete it; nothing is copied there.
    const foreign = await create(owner.token, otherWid, { kind: 'note', templateId: tid });
    expect(foreign.status).toBe(422);
    expect((await call(server.url, 'GET', `/api/workspaces/${otherWid}/documents`, { token: owner.token })).body.documents).toEqual([]);
    const otherList = await call(server.url, 'GET', `/api/workspaces/${otherWid}/templates`, { token: owner.token });
    expect(otherList.body.templates.map((t: { id: string }) => t.id)).not.toContain(tid);
    expect((await create(editor.token, wid, { kind: 'board', templateId: tid })).status).toBe(422);

    expect((await call(server.url, 'DELETE', `/api/templates/${tid}`, { token: outsider.token })).status).toBe(404);
    expect((await call(server.url, 'DELETE', `/api/templates/${tid}`, { token: editor.token })).status).toBe(403);
    expect((await call(server.url, 'DELETE', `/api/templates/${tid}`, { token: owner.token })).status).toBe(204);
    expect((await call(server.url, 'DELETE', `/api/templates/${tid}`, { token: owner.token })).status).toBe(404);
    expect((await create(editor.token, wid, { kind: 'note', templateId: tid })).status).toBe(422);
  });

  it('saves a board as a template with its columns and cards', async () => {
    const res = await create(owner.token, wid, { kind: 'board', templateId: 'builtin:atelierbord' });
    const saved = await call(server.url, 'POST', `/api/documents/${res.body.document.id}/template`, { token: owner.token, body: { name: 'Ons atelier' } });
    expect(saved.status).toBe(201);
    expect(saved.body.template.kind).toBe('board');
    const made = await create(editor.token, wid, { kind: 'board', templateId: saved.body.template.id });
    const doc = await opened(made.body.document.id);
    expect(doc.getArray<Y.Map<unknown>>('columns').toArray().map((c) => c.get('title'))).toEqual([
      'Interne organisatie',
      'De stad als netwerkbestuur',
      'Vlaams stedenbeleid',
    ]);
  });

  it(`keeps at most ${MAX_TEMPLATES_PER_WORKSPACE} templates per workspace, also when the last places are asked for at once`, async () => {
    const full = (await createWorkspace(server.url, owner.token, 'Stadskamer Ronse')).id;
    const source = (await create(owner.token, full, { kind: 'note' })).body.document.id as string;
    const save = (name: string) => call(server.url, 'POST', `/api/documents/${source}/template`, { token: owner.token, body: { name } });
    for (let i = 1; i < MAX_TEMPLATES_PER_WORKSPACE; i++) expect((await save(`Sjabloon ${i}`)).status).toBe(201);
    // One place left, six owners' tabs asking for it at the same time: one gets it.
    const raced = await Promise.all(Array.from({ length: 6 }, (_, i) => save(`Tegelijk ${i}`)));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of raced.filter((r) => r.status === 409)) {
      expect(refused.body).toEqual({ error: { code: 'too_many_templates', message: expect.any(String) } });
    }
    const saved = async () => (await call(server.url, 'GET', `/api/workspaces/${full}/templates`, { token: owner.token })).body.templates.filter((t: { builtin: boolean }) => !t.builtin);
    expect(await saved()).toHaveLength(MAX_TEMPLATES_PER_WORKSPACE);
    // Deleting one makes room for exactly one more.
    expect((await call(server.url, 'DELETE', `/api/templates/${(await saved())[0].id}`, { token: owner.token })).status).toBe(204);
    expect((await save('Weer plaats')).status).toBe(201);
    expect((await save('Te veel')).status).toBe(409);
  });
});
