/**
 * Quick join for a workshop session through the real API and the real sync socket: the
 * facilitator starts a session, a guest joins with the code and writes the board as a
 * participant; ended, unknown and guessed codes are refused, guests stay in their workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';
import type { RunningServer } from '../../server/server';
import { addMember, call, createDocument, createDocumentFor, createWorkspace, registerUser } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import * as ops from '../../client/src/board/board-doc';
import { JOIN_LIMITS } from '../../server/join/join-limiter';

let server: RunningServer;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: 'true' });
  wsUrl = server.url.replace('http', 'ws') + '/sync';
});
afterAll(() => server.close());

async function startSession(body: object = {}) {
  const owner = await createDocumentFor(server.url, { kind: 'board', title: 'Interne organisatie' });
  const res = await call(server.url, 'POST', `/api/documents/${owner.documentId}/join-session`, { token: owner.token, body });
  expect(res.status).toBe(201);
  return { owner, session: res.body.session as { code: string; url: string; expiresAt: string; requireEmail: boolean } };
}

/** Each test its own client address, so the per-address limits of one do not touch another. */
let address = 0;
const from = () => ({ 'x-forwarded-for': `10.0.0.${++address}` });

describe('workshop session join codes', () => {
  it('lets a guest join with name and organisation and write the board as a participant', async () => {
    const { owner, session } = await startSession();
    expect(session.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(session.url.endsWith(`/join/${session.code}`)).toBe(true);
    const again = await call(server.url, 'POST', `/api/documents/${owner.documentId}/join-session`, { token: owner.token, body: {} });
    expect(again.body.session.code).toBe(session.code);

    const preview = await call(server.url, 'GET', `/api/join/${session.code.toLowerCase()}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({ workspaceName: 'Stadskamer Mechelen', boardTitle: 'Interne organisatie', requireEmail: false });

    const joined = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: 'Sara', organization: 'Stad Gent' } });
    expect(joined.status).toBe(201);
    expect(joined.body.documentId).toBe(owner.documentId);
    expect(joined.headers.get('set-cookie')).toContain('stadskamer_session=');
    const token: string = joined.body.token;

    const detail = await call(server.url, 'GET', `/api/workspaces/${owner.workspaceId}`, { token });
    expect(detail.body.members).toContainEqual(expect.objectContaining({ role: 'participant', user: expect.objectContaining({ name: 'Sara', organization: 'Stad Gent' }) }));
    expect((await call(server.url, 'GET', '/api/me/guest', { token })).body.guest).toEqual({ workspaceId: owner.workspaceId, documentId: owner.documentId });

    const guest = connectClient(wsUrl, owner.documentId, { token });
    const facilitator = connectClient(wsUrl, owner.documentId, { token: owner.token });
    await Promise.all([synced(guest.provider), synced(facilitator.provider)]);
    const column = ops.addColumn(facilitator.doc, 'Kansen');
    await expect.poll(() => guest.doc.getArray('columns').length).toBe(1);
    const card = ops.addCard(guest.doc, { columnId: column, text: 'Een gedeelde HR-dienst', authorId: joined.body.user.id, order: 'a0' });
    ops.vote(guest.doc, card, joined.body.user.id);
    await expect.poll(() => (facilitator.doc.getMap('cards').get(card) as any)?.get('votes')?.get(joined.body.user.id)).toBe(1);
    destroyAll(guest.provider, facilitator.provider);
  });

  it('asks for an e-mail address when the session requires one', async () => {
    const { session } = await startSession({ requireEmail: true });
    const without = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: 'Sara', organization: 'UGent' }, headers: from() });
    expect(without.status).toBe(422);
    expect(without.body.error.field).toBe('email');
    const bad = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: '', organization: 'UGent', email: 'sara@ugent.be' }, headers: from() });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('name');
    const ok = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: 'Sara', organization: 'UGent', email: 'sara@ugent.be' }, headers: from() });
    expect(ok.status).toBe(201);
  });

  it('refuses the code once the facilitator ends the session, and only the owner may end it', async () => {
    const { owner, session } = await startSession();
    const editor = await addMember(server.url, owner.token, owner.workspaceId, 'editor');
    expect((await call(server.url, 'DELETE', `/api/documents/${owner.documentId}/join-session`, { token: editor.token })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/documents/${owner.documentId}/join-session`, { token: editor.token, body: {} })).status).toBe(403);
    expect((await call(server.url, 'DELETE', `/api/documents/${owner.documentId}/join-session`, { token: owner.token })).status).toBe(204);
    const headers = from();
    const late = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: 'Laat', organization: 'Stad Aalst' }, headers });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('join_code_expired');
    expect((await call(server.url, 'GET', `/api/join/${session.code}`, { headers })).status).toBe(410);
    expect((await call(server.url, 'GET', `/api/documents/${owner.documentId}/join-session`, { token: owner.token })).body.session).toBeNull();
  });

  it('refuses a code whose time ran out (the default is four hours; here one second)', async () => {
    const { session } = await startSession({ hours: 1 / 3600 });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
    const headers = from();
    await expect.poll(async () => (await call(server.url, 'GET', `/api/join/${session.code}`, { headers })).status, { timeout: 5000 }).toBe(410);
  });

  it('throttles guessing per address with 429 and Retry-After, and leaves other addresses alone', async () => {
    const { session } = await startSession();
    const guesser = from();
    for (let i = 0; i < JOIN_LIMITS.wrongCodesPerAddress; i++) {
      const res = await call(server.url, 'GET', `/api/join/ZZZZ${String(i).padStart(2, '2').replace(/[01]/g, '2')}`, { headers: guesser });
      expect(res.status).toBe(404);
    }
    const blocked = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: 'Raad', organization: 'X' }, headers: guesser });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await call(server.url, 'GET', `/api/join/${session.code}`, { headers: from() });
    expect(other.status).toBe(200);
  });

  it('keeps a guest out of every other workspace (404) and out of the owner routes', async () => {
    const { owner, session } = await startSession();
    const joined = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: 'Gast', organization: 'VVSG' }, headers: from() });
    const token: string = joined.body.token;
    const stranger = await registerUser(server.url);
    const elsewhere = await createWorkspace(server.url, stranger.token, 'Ander atelier');
    const otherBoard = await createDocument(server.url, stranger.token, elsewhere.id, { kind: 'board' });
    expect((await call(server.url, 'GET', `/api/workspaces/${elsewhere.id}`, { token })).status).toBe(404);
    expect((await call(server.url, 'GET', `/api/documents/${otherBoard.id}`, { token })).status).toBe(404);
    expect((await call(server.url, 'POST', `/api/documents/${otherBoard.id}/join-session`, { token, body: {} })).status).toBe(404);
    expect((await call(server.url, 'DELETE', `/api/documents/${owner.documentId}/join-session`, { token })).status).toBe(403);
    // A guest cannot sign in with a password it never had.
    const me = await call(server.url, 'GET', '/api/me', { token });
    expect((await call(server.url, 'POST', '/api/auth/login', { body: { email: me.body.user.email, password: 'guest-account-without-password' }, headers: from() })).status).toBe(401);
  });

  it('turns a guest into a full account that keeps its membership', async () => {
    const { owner, session } = await startSession();
    const joined = await call(server.url, 'POST', `/api/join/${session.code}`, { body: { name: 'Noor', organization: 'Stad Genk' }, headers: from() });
    const token: string = joined.body.token;
    const taken = await registerUser(server.url);
    expect((await call(server.url, 'POST', '/api/me/guest/upgrade', { token, body: { email: taken.email, password: 'nog-een-lang-wachtwoord' } })).status).toBe(409);
    expect((await call(server.url, 'POST', '/api/me/guest/upgrade', { token, body: { email: 'noor@genk.be', password: 'kort' } })).body.error.field).toBe('password');
    const up = await call(server.url, 'POST', '/api/me/guest/upgrade', { token, body: { email: 'noor@genk.be', password: 'nog-een-lang-wachtwoord' } });
    expect(up.status).toBe(200);
    expect((await call(server.url, 'POST', '/api/me/guest/upgrade', { token, body: { email: 'noor2@genk.be', password: 'nog-een-lang-wachtwoord' } })).status).toBe(409);
    const login = await call(server.url, 'POST', '/api/auth/login', { body: { email: 'noor@genk.be', password: 'nog-een-lang-wachtwoord' }, headers: from() });
    expect(login.status).toBe(200);
    expect((await call(server.url, 'GET', `/api/workspaces/${owner.workspaceId}`, { token: login.body.token })).status).toBe(200);
    expect((await call(server.url, 'GET', '/api/me/guest', { token: login.body.token })).body.guest).toBeNull();
  });

  it('lets a signed-in member join by code without a new account and keeps their stronger role', async () => {
    const { owner, session } = await startSession();
    const editor = await addMember(server.url, owner.token, owner.workspaceId, 'editor');
    const res = await call(server.url, 'POST', `/api/join/${session.code}`, { token: editor.token, body: { name: 'x', organization: 'y' }, headers: from() });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(editor.user.id);
    const detail = await call(server.url, 'GET', `/api/workspaces/${owner.workspaceId}`, { token: owner.token });
    expect(detail.body.members.find((m: any) => m.user.id === editor.user.id).role).toBe('editor');
  });
});
