import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { addParagraph, changedRuns, contentOf, paragraphText, paragraphs } from './helpers';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('versions over the API and the sync socket', () => {
  let server: Server;
  let owner: TestUser;
  let karim: TestUser;
  let anna: TestUser;
  let jan: TestUser;
  let wid: string;
  const ws = () => `ws://127.0.0.1:${server.port}/sync`;

  /** A text document with `lines` written by `by` over the socket, stored before it answers. */
  async function documentWith(lines: string[], by: TestUser = owner): Promise<string> {
    const { id } = await createDocument(server.url, owner.token, wid, { title: 'Aanbevelingen mobiliteit' });
    const c = connectClient(ws(), id, { token: by.token });
    await synced(c.provider);
    for (const line of lines) addParagraph(c.doc, line);
    await settled(c.provider);
    destroyAll(c.provider);
    return id;
  }

  const saveVersion = async (did: string, name: string, by: TestUser = owner) => {
    const res = await call(server.url, 'POST', `/api/documents/${did}/versions`, { token: by.token, body: { name } });
    expect(res.status).toBe(201);
    return res.body.version as { id: string; name: string; reason: string; createdBy: { id: string } | null; contributors: { id: string; name: string }[] };
  };
  const list = async (did: string, token = owner.token) => (await call(server.url, 'GET', `/api/documents/${did}/versions`, { token })).body.versions as {
    id: string;
    name: string | null;
    reason: string;
    restoredFrom: string | null;
    createdBy: { id: string } | null;
    contributors: { id: string }[];
  }[];

  beforeAll(async () => {
    // No quiet-period versions here: the quiet period has its own server below.
    server = await startTestServer({ VERSION_QUIET_MS: String(3600_000) });
    owner = await registerUser(server.url, { name: 'Olivia Eigenaar', organization: 'Atelier' });
    wid = (await createWorkspace(server.url, owner.token, 'Stadskamer mobiliteit')).id;
    karim = await addMember(server.url, owner.token, wid, 'editor', { name: 'Karim El Amrani', organization: 'Stad Gent' });
    anna = await addMember(server.url, owner.token, wid, 'editor', { name: 'Anna Peeters', organization: 'Stad Antwerpen' });
    jan = await addMember(server.url, owner.token, wid, 'editor', { name: 'Jan Claes', organization: 'Stad Brugge' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('saves a named version by hand: listed with its name, maker and contributors; its content is the editor JSON', async () => {
    const did = await documentWith(['De stad investeert in fietspaden.'], karim);
    const v = await saveVersion(did, 'versie stuurgroep 12/12');
    expect(v).toMatchObject({ name: 'versie stuurgroep 12/12', reason: 'manual', createdBy: { id: owner.user.id } });
    expect(v.contributors.map((p) => p.name)).toEqual(['Karim El Amrani']);
    expect((await list(did)).map((x) => x.id)).toEqual([v.id]);
    const read = await call(server.url, 'GET', `/api/versions/${v.id}`, { token: owner.token });
    expect(read.status).toBe(200);
    const exported = await call(server.url, 'GET', `/api/documents/${did}/export?format=json`, { token: owner.token });
    expect(read.body.content).toEqual({ type: 'doc', content: exported.body.content });
    expect(read.body.version.contributors[0]).toEqual({ id: karim.user.id, name: 'Karim El Amrani', organization: 'Stad Gent' });
  });

  it('makes a version on every status change, by the person who changed it', async () => {
    const did = await documentWith(['Voorstel voor de stuurgroep.']);
    expect((await call(server.url, 'PATCH', `/api/documents/${did}`, { token: anna.token, body: { status: 'review' } })).status).toBe(200);
    await expect.poll(async () => (await list(did)).map((v) => [v.reason, v.createdBy?.id]), { timeout: 10_000 }).toEqual([['status', anna.user.id]]);
  });

  it('says per inserted and deleted run who did it, with three people editing over their own sockets', async () => {
    const did = await documentWith(['De stad investeert in fietspaden en pleinen.']);
    const v1 = await saveVersion(did, 'voor de ronde');
    const [k, a, j] = [karim, anna, jan].map((u) => connectClient(ws(), did, { token: u.token }));
    await Promise.all([k, a, j].map((c) => synced(c!.provider)));
    paragraphText(k!.doc, 0).insert(8, 'Gent ');
    await settled(k!.provider, a!.provider, j!.provider);
    paragraphText(a!.doc, 0).delete(37, 11); // " en pleinen"
    await settled(a!.provider, j!.provider);
    addParagraph(j!.doc, 'Brugge volgt.');
    await settled(j!.provider);
    destroyAll(k!.provider, a!.provider, j!.provider);

    const diff = await call(server.url, 'GET', `/api/versions/${v1.id}/diff?against=current`, { token: owner.token });
    expect(diff.status).toBe(200);
    expect(changedRuns(diff.body.content)).toEqual([
      ['added', karim.user.id, 'Gent '],
      ['removed', anna.user.id, ' en pleinen'],
      ['added', jan.user.id, 'Brugge volgt.'],
    ]);
    expect(diff.body.from.versionId).toBe(v1.id);
    expect(diff.body.to.versionId).toBeNull();
    expect(diff.body.activeBetween.sort()).toEqual([karim.user.id, anna.user.id, jan.user.id].sort());
    const named = new Map(diff.body.people.map((p: { id: string; name: string; organization: string }) => [p.id, `${p.name} (${p.organization})`]));
    expect(named.get(karim.user.id)).toBe('Karim El Amrani (Stad Gent)');
    expect(diff.body.changes).toContainEqual({ by: anna.user.id, added: 0, removed: 11 });

    // Between two versions, in either order, the diff runs from the older to the newer.
    const v2 = await saveVersion(did, 'na de ronde');
    expect(v2.contributors.map((p) => p.id).sort()).toEqual([karim.user.id, anna.user.id, jan.user.id].sort());
    const forward = await call(server.url, 'GET', `/api/versions/${v1.id}/diff?against=${v2.id}`, { token: anna.token });
    const backward = await call(server.url, 'GET', `/api/versions/${v2.id}/diff?against=${v1.id}`, { token: anna.token });
    expect(forward.body.content).toEqual(diff.body.content);
    expect(backward.body.content).toEqual(diff.body.content);
    expect(backward.body.from.versionId).toBe(v1.id);
  });

  it('credits the authenticated socket, never the client id an update claims', async () => {
    const did = await documentWith(['Begin.']);
    const v1 = await saveVersion(did, 'begin');
    const k = connectClient(ws(), did, { token: karim.token });
    await synced(k.provider);
    paragraphText(k.doc, 0).insert(6, ' Van Karim.');
    await settled(k.provider);
    // Anna's raw client continues under Karim's client id, right after his text: Yjs merges
    // both into one item, but the credit follows the socket that sent each part.
    const raw = await RawYjsClient.open(ws(), did, anna.token);
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(raw.doc));
    forged.clientID = k.doc.clientID;
    destroyAll(k.provider);
    const sv = Y.encodeStateVector(forged);
    paragraphText(forged, 0).insert(17, ' Niet van Karim.');
    raw.sendUpdate(Y.encodeStateAsUpdate(forged, sv));
    expect(await raw.roundTrip()).toBe(true);
    raw.ws.close();
    const diff = await call(server.url, 'GET', `/api/versions/${v1.id}/diff`, { token: owner.token });
    expect(changedRuns(diff.body.content)).toEqual([
      ['added', karim.user.id, ' Van Karim.'],
      ['added', anna.user.id, ' Niet van Karim.'],
    ]);
  });

  it('restores an old version as a new change: two connected clients converge on exactly the old content, and the restore is a version', async () => {
    const did = await documentWith(['Eerste alinea.', 'Tweede alinea.']);
    const old = await saveVersion(did, 'goedgekeurde tekst');
    const oldContent = (await call(server.url, 'GET', `/api/versions/${old.id}`, { token: owner.token })).body.content;
    const a = connectClient(ws(), did, { token: karim.token });
    const b = connectClient(ws(), did, { token: anna.token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    paragraphText(a.doc, 0).insert(0, 'Gewijzigde ');
    b.doc.getXmlFragment('default').delete(1, 1);
    addParagraph(b.doc, 'Nieuwe alinea.');
    await settled(a.provider, b.provider);
    await settled(b.provider, a.provider);
    expect(paragraphs(a.doc)).toEqual(['Gewijzigde Eerste alinea.', 'Nieuwe alinea.']);
    const sockets = [a.provider.ws, b.provider.ws];

    const res = await call(server.url, 'POST', `/api/versions/${old.id}/restore`, { token: jan.token });
    expect(res.status).toBe(200);
    expect(res.body.version).toMatchObject({ reason: 'restore', restoredFrom: old.id, createdBy: { id: jan.user.id } });
    expect(res.body.before).toMatchObject({ reason: 'before_restore', createdBy: { id: jan.user.id } });
    await waitFor(() => JSON.stringify(contentOf(a.doc)) === JSON.stringify(oldContent) && JSON.stringify(contentOf(b.doc)) === JSON.stringify(oldContent), 10_000, 'both clients restored');
    // The same sockets all along: the restore arrived as an ordinary update.
    expect([a.provider.ws, b.provider.ws]).toEqual(sockets);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);

    // History is not rewritten: the edited state is kept as a version just before the restore.
    const versions = await list(did);
    expect(versions.map((v) => v.reason)).toEqual(['restore', 'before_restore', 'manual']);
    const before = (await call(server.url, 'GET', `/api/versions/${versions[1]!.id}`, { token: owner.token })).body.content;
    expect(JSON.stringify(before)).toContain('Gewijzigde Eerste alinea.');
    const restored = (await call(server.url, 'GET', `/api/versions/${versions[0]!.id}`, { token: owner.token })).body.content;
    expect(restored).toEqual(oldContent);
    // The restore is credited to the person who restored.
    const diff = await call(server.url, 'GET', `/api/versions/${versions[1]!.id}/diff?against=${versions[0]!.id}`, { token: owner.token });
    expect(new Set(changedRuns(diff.body.content).map(([, by]) => by))).toEqual(new Set([jan.user.id]));

    // Editing goes on from the restored content, and both stay in step.
    paragraphText(a.doc, 1).insert(0, 'Nog: ');
    await settled(a.provider, b.provider);
    expect(paragraphs(b.doc)).toEqual(['Eerste alinea.', 'Nog: Tweede alinea.']);
    destroyAll(a.provider, b.provider);

    const activity = await call(server.url, 'GET', `/api/workspaces/${wid}/activity?limit=50`, { token: owner.token });
    const types = activity.body.events.filter((e: { subject: string }) => e.subject === did).map((e: { type: string }) => e.type);
    expect(types).toContain('version.restored');
    expect(types).toContain('version.created');
  });
});

describe('versions after a quiet period (a short configured delay)', () => {
  it('makes one automatic version once nobody has edited for the quiet period', async () => {
    const server = await startTestServer({ VERSION_QUIET_MS: '300' });
    try {
      const owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
      const wid = (await createWorkspace(server.url, owner.token)).id;
      const editor = await addMember(server.url, owner.token, wid, 'editor', { name: 'Karim El Amrani', organization: 'Stad Gent' });
      const { id: did } = await createDocument(server.url, owner.token, wid);
      const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, did, { token: editor.token });
      await synced(c.provider);
      addParagraph(c.doc, 'Stille periode.');
      await settled(c.provider);
      const versions = async () => (await call(server.url, 'GET', `/api/documents/${did}/versions`, { token: owner.token })).body.versions;
      await expect.poll(async () => (await versions()).length, { timeout: 10_000, interval: 50 }).toBe(1);
      const [auto] = await versions();
      expect(auto).toMatchObject({ name: null, reason: 'edit', createdBy: null });
      expect(auto.contributors.map((p: { id: string }) => p.id)).toEqual([editor.user.id]);
      const content = (await call(server.url, 'GET', `/api/versions/${auto.id}`, { token: owner.token })).body.content;
      expect(JSON.stringify(content)).toContain('Stille periode.');
      destroyAll(c.provider);
    } finally {
      await server.close();
    }
  });
});
