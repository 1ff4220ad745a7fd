import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { addParagraph } from './helpers';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Actor = 'owner' | 'editor' | 'participant' | 'commenter' | 'viewer' | 'nonMember' | 'anonymous';
const ACTORS: Actor[] = ['owner', 'editor', 'participant', 'commenter', 'viewer', 'nonMember', 'anonymous'];

describe('versions: who may do what, and what a hostile caller gets', () => {
  let server: Server;
  let users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  let wid: string;
  let did: string;
  let vid: string;
  /** A document and version of another workspace, where only `stranger` is a member. */
  let stranger: TestUser;
  let foreignDid: string;
  let foreignVid: string;

  const token = (a: Actor) => (a === 'anonymous' ? undefined : users[a].token);
  const save = async (documentId: string, t: string, name = 'versie') => {
    const res = await call(server.url, 'POST', `/api/documents/${documentId}/versions`, { token: t, body: { name } });
    expect(res.status).toBe(201);
    return res.body.version.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer({ VERSION_QUIET_MS: String(3600_000) });
    const owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
    wid = (await createWorkspace(server.url, owner.token)).id;
    users = {
      owner,
      editor: await addMember(server.url, owner.token, wid, 'editor'),
      participant: await addMember(server.url, owner.token, wid, 'participant'),
      commenter: await addMember(server.url, owner.token, wid, 'commenter'),
      viewer: await addMember(server.url, owner.token, wid, 'viewer'),
      nonMember: await registerUser(server.url, { name: 'Otto Buiten' }),
    };
    did = (await createDocument(server.url, owner.token, wid)).id;
    const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, did, { token: owner.token });
    await synced(c.provider);
    addParagraph(c.doc, 'Tekst.');
    await settled(c.provider);
    destroyAll(c.provider);
    vid = await save(did, owner.token);
    stranger = await registerUser(server.url, { name: 'Stan Elders' });
    const otherWs = (await createWorkspace(server.url, stranger.token, 'Andere werkruimte')).id;
    foreignDid = (await createDocument(server.url, stranger.token, otherWs)).id;
    foreignVid = await save(foreignDid, stranger.token);
  });
  afterAll(async () => {
    await server.close();
  });

  const HIDDEN = 404;
  const matrix: { route: string; call: () => { method: string; path: string; body?: unknown }; expect: Record<Actor, number> }[] = [
    {
      route: 'GET /api/documents/:did/versions',
      call: () => ({ method: 'GET', path: `/api/documents/${did}/versions` }),
      expect: { owner: 200, editor: 200, participant: 200, commenter: 200, viewer: 200, nonMember: HIDDEN, anonymous: 401 },
    },
    {
      route: 'POST /api/documents/:did/versions',
      call: () => ({ method: 'POST', path: `/api/documents/${did}/versions`, body: { name: 'van iemand' } }),
      expect: { owner: 201, editor: 201, participant: 403, commenter: 403, viewer: 403, nonMember: HIDDEN, anonymous: 401 },
    },
    {
      route: 'GET /api/versions/:vid',
      call: () => ({ method: 'GET', path: `/api/versions/${vid}` }),
      expect: { owner: 200, editor: 200, participant: 200, commenter: 200, viewer: 200, nonMember: HIDDEN, anonymous: 401 },
    },
    {
      route: 'GET /api/versions/:vid/export',
      call: () => ({ method: 'GET', path: `/api/versions/${vid}/export?format=json` }),
      expect: { owner: 200, editor: 200, participant: 200, commenter: 200, viewer: 200, nonMember: HIDDEN, anonymous: 401 },
    },
    {
      route: 'GET /api/versions/:vid/diff',
      call: () => ({ method: 'GET', path: `/api/versions/${vid}/diff?against=current` }),
      expect: { owner: 200, editor: 200, participant: 200, commenter: 200, viewer: 200, nonMember: HIDDEN, anonymous: 401 },
    },
    {
      route: 'POST /api/versions/:vid/restore',
      call: () => ({ method: 'POST', path: `/api/versions/${vid}/restore` }),
      expect: { owner: 200, editor: 200, participant: 403, commenter: 403, viewer: 403, nonMember: HIDDEN, anonymous: 401 },
    },
  ];

  for (const m of matrix) {
    it(`${m.route}: each kind of caller`, async () => {
      const got: Record<string, number> = {};
      for (const actor of ACTORS) {
        const { method, path, body } = m.call();
        got[actor] = (await call(server.url, method, path, { token: token(actor), body })).status;
      }
      expect(got).toEqual(m.expect);
    });
  }

  it('a refused create or restore stores nothing and changes nothing', async () => {
    const before = (await call(server.url, 'GET', `/api/documents/${did}/versions?limit=500`, { token: users.owner.token })).body.versions.length;
    for (const actor of ['viewer', 'commenter', 'participant', 'nonMember'] as const) {
      await call(server.url, 'POST', `/api/documents/${did}/versions`, { token: users[actor].token, body: { name: 'nee' } });
      await call(server.url, 'POST', `/api/versions/${vid}/restore`, { token: users[actor].token });
    }
    const after = (await call(server.url, 'GET', `/api/documents/${did}/versions?limit=500`, { token: users.owner.token })).body.versions.length;
    expect(after).toBe(before);
  });

  it("another workspace's version is not found for members of this one, in every route", async () => {
    const t = users.owner.token;
    for (const [method, path] of [
      ['GET', `/api/versions/${foreignVid}`],
      ['GET', `/api/versions/${foreignVid}/diff`],
      ['GET', `/api/versions/${foreignVid}/export?format=docx`],
      ['POST', `/api/versions/${foreignVid}/restore`],
      ['GET', `/api/documents/${foreignDid}/versions`],
    ] as const) {
      const res = await call(server.url, method, path, { token: t });
      expect([path, res.status, res.body.error.code]).toEqual([path, 404, 'not_found']);
    }
    // Naming it as the other end of a diff gives nothing away either.
    const diff = await call(server.url, 'GET', `/api/versions/${vid}/diff?against=${foreignVid}`, { token: t });
    expect(diff.status).toBe(404);
    expect((await call(server.url, 'GET', '/api/versions/no-such-version', { token: t })).status).toBe(404);
  });

  it('bad input: 400 for a body that is not JSON, 422 naming the field', async () => {
    const t = users.editor.token;
    const path = `/api/documents/${did}/versions`;
    const notJson = await call(server.url, 'POST', path, { token: t, rawBody: '{"name": ' });
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'malformed_json']);
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'regel\nbreuk' }, 'name'],
      [['name'], 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await call(server.url, 'POST', path, { token: t, body });
      expect([JSON.stringify(body), res.status, res.body.error.field]).toEqual([JSON.stringify(body), 422, field]);
    }
    const badAgainst = await call(server.url, 'GET', `/api/versions/${vid}/diff?against=${encodeURIComponent('../../etc')}`, { token: t });
    expect([badAgainst.status, badAgainst.body.error.field]).toEqual([422, 'against']);
    const badLimit = await call(server.url, 'GET', `/api/documents/${did}/versions?limit=0`, { token: t });
    expect(badLimit.status).toBe(422);
  });

  it('boards have no versions; an archived document cannot be restored', async () => {
    const board = await createDocument(server.url, users.owner.token, wid, { kind: 'board', title: 'Bord' });
    const res = await call(server.url, 'POST', `/api/documents/${board.id}/versions`, { token: users.owner.token, body: { name: 'x' } });
    expect([res.status, res.body.error.code]).toEqual([409, 'not_a_text_document']);
    expect((await call(server.url, 'GET', `/api/documents/${board.id}/versions`, { token: users.owner.token })).status).toBe(409);

    const archived = (await createDocument(server.url, users.owner.token, wid)).id;
    const v = await save(archived, users.owner.token);
    expect((await call(server.url, 'POST', `/api/documents/${archived}/archive`, { token: users.owner.token, body: { archived: true } })).status).toBe(200);
    const restore = await call(server.url, 'POST', `/api/versions/${v}/restore`, { token: users.owner.token });
    expect([restore.status, restore.body.error.code]).toEqual([409, 'document_archived']);
  });
});
