import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { linkIn, TestSmtp } from '../helpers/smtp';
import { startThread } from '../comments/fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await TestSmtp.start();
  server = await startTestServer({ SMTP_URL: smtp.url, RESET_REQUESTS_PER_EMAIL: '3' });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});
afterEach(() => vi.useRealTimers());

const login = (email: string, password: string) => call(server.url, 'POST', '/api/auth/login', { body: { email, password } });
const me = (token: string) => call(server.url, 'GET', '/api/me', { token });
const requestReset = (email: string, headers: Record<string, string> = {}) =>
  call(server.url, 'POST', '/api/auth/password-reset', { body: { email }, headers });

/** Asks for a reset of `who` and returns the token from the mail that arrives. */
async function resetToken(who: TestUser): Promise<string> {
  const before = smtp.to(who.email).length;
  expect((await requestReset(who.email)).status).toBe(202);
  await expect.poll(() => smtp.to(who.email).length).toBe(before + 1);
  const mail = smtp.to(who.email).at(-1)!;
  return linkIn(mail, 'http://localhost').split('/reset/')[1]!;
}

describe('wachtwoord vergeten', () => {
  it('mails a link that sets a new password once and ends every session', async () => {
    const who = await registerUser(server.url);
    const other = (await login(who.email, who.password)).body.token as string;
    const token = await resetToken(who);
    const mail = smtp.to(who.email).at(-1)!;
    expect(mail.subject).toBe('Kies een nieuw wachtwoord voor Stadskamer');
    const done = await call(server.url, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'een-nieuw-wachtwoord' } });
    expect(done.status).toBe(204);
    expect((await me(who.token)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect((await login(who.email, who.password)).status).toBe(401);
    expect((await login(who.email, 'een-nieuw-wachtwoord')).status).toBe(200);
    const again = await call(server.url, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'nog-een-ander-wachtwoord' } });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('reset_invalid');
  });

  it('answers the same for an address without an account, and mails nobody', async () => {
    const unknown = `niemand-${Date.now()}@example.be`;
    const who = await registerUser(server.url);
    const a = await requestReset(unknown);
    const b = await requestReset(who.email);
    expect([a.status, a.body]).toEqual([b.status, b.body]);
    // Barrier: the known address's mail has arrived; the unknown one got none.
    await expect.poll(() => smtp.to(who.email).length).toBe(1);
    expect(smtp.to(unknown)).toHaveLength(0);
  });

  it('a link is worth nothing after an hour (fake clock)', async () => {
    const who = await registerUser(server.url);
    const token = await resetToken(who);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61 * 60_000);
    const late = await call(server.url, 'POST', '/api/auth/password-reset/confirm', { body: { token, password: 'een-nieuw-wachtwoord' } });
    expect(late.status).toBe(410);
    vi.useRealTimers();
    expect((await login(who.email, who.password)).status).toBe(200);
  });

  it('is throttled per e-mail address, known or not, and a bad token or password is refused plainly', async () => {
    for (const email of [`x-${Date.now()}@example.be`, (await registerUser(server.url)).email]) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await requestReset(email)).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
    }
    const bad = await call(server.url, 'POST', '/api/auth/password-reset/confirm', { body: { token: 'a'.repeat(43), password: 'een-nieuw-wachtwoord' } });
    expect(bad.status).toBe(410);
    const short = await call(server.url, 'POST', '/api/auth/password-reset/confirm', { body: { token: 'a'.repeat(43), password: 'kort' } });
    expect(short.status).toBe(422);
    expect(short.body.error.field).toBe('password');
  });

  it('mails in the person’s own language', async () => {
    const who = await registerUser(server.url);
    expect((await call(server.url, 'PATCH', '/api/me', { token: who.token, body: { language: 'en' } })).status).toBe(200);
    await resetToken(who);
    expect(smtp.to(who.email).at(-1)!.subject).toBe('Choose a new Stadskamer password');
  });
});

describe('profile', () => {
  it('changes name, organisation, language and mail preference', async () => {
    const who = await registerUser(server.url);
    const res = await call(server.url, 'PATCH', '/api/me', {
      token: who.token,
      body: { name: '  Griet Van Damme ', organization: 'Stad Brugge', language: 'en', notifyMail: 'daily' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'Griet Van Damme', organization: 'Stad Brugge', language: 'en', notifyMail: 'daily' });
    expect((await me(who.token)).body.user).toMatchObject({ name: 'Griet Van Damme', language: 'en', notifyMail: 'daily' });
    for (const body of [{}, { name: '' }, { language: 'fr' }, { notifyMail: 'hourly' }]) {
      expect((await call(server.url, 'PATCH', '/api/me', { token: who.token, body })).status).toBe(422);
    }
  });

  it('a new password needs the current one, and ends the other sessions only', async () => {
    const who = await registerUser(server.url);
    const other = (await login(who.email, who.password)).body.token as string;
    const missing = await call(server.url, 'PATCH', '/api/me', { token: who.token, body: { newPassword: 'een-nieuw-wachtwoord' } });
    expect([missing.status, missing.body.error.field]).toEqual([422, 'currentPassword']);
    const wrong = await call(server.url, 'PATCH', '/api/me', { token: who.token, body: { currentPassword: 'fout-wachtwoord', newPassword: 'een-nieuw-wachtwoord' } });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'wrong_password']);
    expect((await me(other)).status).toBe(200);
    const ok = await call(server.url, 'PATCH', '/api/me', { token: who.token, body: { currentPassword: who.password, newPassword: 'een-nieuw-wachtwoord' } });
    expect(ok.status).toBe(200);
    expect((await me(who.token)).status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await login(who.email, 'een-nieuw-wachtwoord')).status).toBe(200);
  });
});

describe('sessions', () => {
  it('lists one’s own sessions and ends one on another device', async () => {
    const who = await registerUser(server.url);
    const phone = (await call(server.url, 'POST', '/api/auth/login', { body: { email: who.email, password: who.password } })).body.token as string;
    await call(server.url, 'GET', '/api/me/sessions', { token: phone, headers: { 'user-agent': 'Telefoon van Griet' } });
    const list = await call(server.url, 'GET', '/api/me/sessions', { token: who.token });
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(2);
    const phoneEntry = list.body.sessions.find((s: { userAgent: string | null }) => s.userAgent === 'Telefoon van Griet');
    expect(phoneEntry.current).toBe(false);
    expect(list.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(phone);

    const stranger = await registerUser(server.url);
    expect((await call(server.url, 'DELETE', `/api/me/sessions/${phoneEntry.id}`, { token: stranger.token })).status).toBe(404);
    expect((await me(phone)).status).toBe(200);
    expect((await call(server.url, 'DELETE', `/api/me/sessions/${phoneEntry.id}`, { token: who.token })).status).toBe(204);
    expect((await me(phone)).status).toBe(401);
    expect((await me(who.token)).status).toBe(200);
    expect((await call(server.url, 'DELETE', '/api/me/sessions/nope', { token: who.token })).status).toBe(404);
  });
});

describe('deleting an account', () => {
  it('keeps what they wrote, shown as "voormalig lid"; the address and password stop working', async () => {
    const owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
    const workspace = await createWorkspace(server.url, owner.token);
    const document = await createDocument(server.url, owner.token, workspace.id);
    const leaving = await addMember(server.url, owner.token, workspace.id, 'commenter', { name: 'Wim Weg' });
    const thread = await startThread(server.url, document.id, leaving.token, 'Mijn opmerking blijft.');
    const wrong = await call(server.url, 'DELETE', '/api/me', { token: leaving.token, body: { password: 'fout' } });
    expect(wrong.status).toBe(403);
    expect((await call(server.url, 'DELETE', '/api/me', { token: leaving.token, body: { password: leaving.password } })).status).toBe(204);
    expect((await me(leaving.token)).status).toBe(401);
    expect((await login(leaving.email, leaving.password)).status).toBe(401);
    const threads = await call(server.url, 'GET', `/api/documents/${document.id}/comments`, { token: owner.token });
    const kept = threads.body.threads.find((t: { id: string }) => t.id === thread.id);
    expect(kept.body).toBe('Mijn opmerking blijft.');
    expect(kept.author.name).toBe('voormalig lid');
    const members = (await call(server.url, 'GET', `/api/workspaces/${workspace.id}`, { token: owner.token })).body.members;
    expect(members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(leaving.user.id);
    // The address is free again for a new account.
    expect((await registerUser(server.url, { email: leaving.email })).user.id).not.toBe(leaving.user.id);
  });

  it('is refused for the only owner of a workspace others belong to', async () => {
    const owner = await registerUser(server.url);
    const workspace = await createWorkspace(server.url, owner.token);
    await addMember(server.url, owner.token, workspace.id, 'viewer');
    const res = await call(server.url, 'DELETE', '/api/me', { token: owner.token, body: { password: owner.password } });
    expect([res.status, res.body.error.code]).toEqual([409, 'last_owner']);
    expect((await me(owner.token)).status).toBe(200);
  });
});
