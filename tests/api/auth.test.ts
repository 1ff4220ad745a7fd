import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, createWorkspace, registerUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { withServerStore } from '../helpers/sql-stores';

const ORIGIN = 'http://stadskamer.test';
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_ORIGIN: ORIGIN });
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

/** The session cookie a response sets, as `name=value` (what a browser sends back). */
function sessionCookie(headers: Headers): { pair: string; attributes: string } {
  const line = headers.getSetCookie().find((c) => c.startsWith('stadskamer_session='));
  if (!line) throw new Error('no session cookie set');
  const [pair, ...rest] = line.split(';');
  return { pair: pair!, attributes: rest.join(';') };
}

describe('register, sign in, sign out', () => {
  it('registers, answers with the user and a token, and sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await call(server.url, 'POST', '/api/auth/register', {
      body: { email: ' Els.Peeters@Gent.be ', password: 'tien-tekens', name: 'Els Peeters', organization: 'Stad Gent' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'els.peeters@gent.be', name: 'Els Peeters', organization: 'Stad Gent' });
    expect(res.body.user.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(res.body.user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = sessionCookie(res.headers);
    expect(cookie.pair).toBe(`stadskamer_session=${res.body.token}`);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Lax/);
    expect(cookie.attributes).toMatch(/Path=\//);
    expect(cookie.attributes).not.toMatch(/Secure/);

    const me = await call(server.url, 'GET', '/api/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: res.body.user });
  });

  it('refuses a second account for the same address, whatever its case', async () => {
    await registerUser(server.url, { email: 'dubbel@antwerpen.be' });
    const res = await call(server.url, 'POST', '/api/auth/register', {
      body: { email: 'DUBBEL@antwerpen.be', password: 'een-lang-wachtwoord', name: 'X', organization: 'Y' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
  });

  it('wants passwords of at least 10 characters', async () => {
    const res = await call(server.url, 'POST', '/api/auth/register', {
      body: { email: 'kort@leuven.be', password: 'negen9999', name: 'K', organization: 'Stad Leuven' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_field', field: 'password' });
  });

  it('signs in with the right password only, and says the same for an unknown address', async () => {
    const u = await registerUser(server.url, { email: 'jan@hasselt.be', password: 'juist-wachtwoord' });
    const ok = await call(server.url, 'POST', '/api/auth/login', { body: { email: 'Jan@Hasselt.be', password: 'juist-wachtwoord' } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(u.user.id);
    expect(ok.body.token).not.toBe(u.token);
    sessionCookie(ok.headers);

    const wrong = await call(server.url, 'POST', '/api/auth/login', { body: { email: 'jan@hasselt.be', password: 'fout-wachtwoord' } });
    const unknown = await call(server.url, 'POST', '/api/auth/login', { body: { email: 'niemand@hasselt.be', password: 'fout-wachtwoord' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('logout revokes the token everywhere on the API and clears the cookie; other sessions live on', async () => {
    const u = await registerUser(server.url);
    const second = await call(server.url, 'POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
    expect((await call(server.url, 'GET', '/api/me', { token: u.token })).status).toBe(200);

    const out = await call(server.url, 'POST', '/api/auth/logout', { token: u.token });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/stadskamer_session=;.*Max-Age=0/);

    const me = await call(server.url, 'GET', '/api/me', { token: u.token });
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthenticated');
    const byCookie = await call(server.url, 'GET', '/api/me', { headers: { cookie: `stadskamer_session=${u.token}` } });
    expect(byCookie.status).toBe(401);
    const again = await call(server.url, 'POST', '/api/auth/logout', { token: u.token });
    expect(again.status).toBe(401);
    expect((await call(server.url, 'GET', '/api/me', { token: second.body.token })).status).toBe(200);
  });

  it('stores passwords only as salted scrypt hashes and tokens only as SHA-256', async () => {
    const a = await registerUser(server.url, { email: 'a@brugge.be', password: 'zelfde-wachtwoord' });
    const b = await registerUser(server.url, { email: 'b@brugge.be', password: 'zelfde-wachtwoord' });
    await withServerStore(server.dataDir, async ({ db }) => {
      const hashes = (await db.selectFrom('users').select('password_hash').where('id', 'in', [a.user.id, b.user.id]).execute()).map((r) => r.password_hash);
      expect(hashes).toHaveLength(2);
      for (const h of hashes) {
        expect(h).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
        expect(h).not.toContain('zelfde-wachtwoord');
      }
      expect(hashes[0]).not.toBe(hashes[1]);
      const stored = (await db.selectFrom('sessions').select('token_hash').where('user_id', '=', a.user.id).execute()).map((r) => r.token_hash);
      expect(stored).toEqual([createHash('sha256').update(a.token).digest('hex')]);
      const dump = JSON.stringify(await db.selectFrom('sessions').selectAll().execute());
      expect(dump).not.toContain(a.token);
    });
  });

  it('accepts the token as a Bearer header or as the cookie, and nothing else', async () => {
    const u = await registerUser(server.url);
    expect((await call(server.url, 'GET', '/api/me', { headers: { cookie: `stadskamer_session=${u.token}` } })).status).toBe(200);
    expect((await call(server.url, 'GET', '/api/me', { headers: { authorization: `Bearer ${u.token}` } })).status).toBe(200);
    for (const authorization of [`Basic ${u.token}`, `Bearer ${u.token}x`, 'Bearer', u.token]) {
      const res = await call(server.url, 'GET', '/api/me', { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
    }
  });
});

describe('sliding expiry (only the clock is faked)', () => {
  it('keeps a session alive while it is used and ends it after 14 idle days', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T09:00:00Z') });
    const u = await registerUser(server.url);
    const cookie = { cookie: `stadskamer_session=${u.token}` };

    vi.setSystemTime(new Date('2026-03-13T09:00:00Z')); // 12 days later
    const used = await call(server.url, 'GET', '/api/me', { headers: cookie });
    expect(used.status).toBe(200);
    // The cookie is renewed with the session, so the browser keeps it as long.
    expect(sessionCookie(used.headers).attributes).toMatch(/Max-Age=1209600/);

    vi.setSystemTime(new Date('2026-03-26T09:00:00Z')); // 25 days after sign-in, 13 after last use
    expect((await call(server.url, 'GET', '/api/me', { token: u.token })).status).toBe(200);

    vi.setSystemTime(new Date('2026-04-09T09:00:01Z')); // 14 days and a second after last use
    const expired = await call(server.url, 'GET', '/api/me', { token: u.token });
    expect(expired.status).toBe(401);
  });
});

describe('CSRF: cookie-authenticated state changes must come from PUBLIC_ORIGIN', () => {
  const body = { name: 'Atelier' };

  it('refuses a cookie request without Origin and Referer, or from a foreign origin', async () => {
    const u = await registerUser(server.url);
    const cookie = `stadskamer_session=${u.token}`;
    const cases: Record<string, string>[] = [
      { cookie },
      { cookie, origin: 'https://evil.example' },
      { cookie, origin: 'null' },
      { cookie, referer: 'https://evil.example/page' },
      { cookie, referer: 'not a url' },
      { cookie, origin: 'https://evil.example', referer: `${ORIGIN}/` },
    ];
    for (const headers of cases) {
      const res = await call(server.url, 'POST', '/api/workspaces', { body, headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error.code).toBe('csrf_rejected');
    }
    const out = await call(server.url, 'POST', '/api/auth/logout', { headers: { cookie, origin: 'https://evil.example' } });
    expect(out.status).toBe(403);
    expect((await call(server.url, 'GET', '/api/workspaces', { headers: { cookie } })).body.workspaces).toEqual([]);
    expect((await call(server.url, 'GET', '/api/me', { token: u.token })).status).toBe(200);
  });

  it('lets cookie requests from our origin through (Origin, or Referer when Origin is missing)', async () => {
    const u = await registerUser(server.url);
    const cookie = `stadskamer_session=${u.token}`;
    expect((await call(server.url, 'POST', '/api/workspaces', { body, headers: { cookie, origin: ORIGIN } })).status).toBe(201);
    expect((await call(server.url, 'POST', '/api/workspaces', { body, headers: { cookie, referer: `${ORIGIN}/w/1` } })).status).toBe(201);
  });

  it('lets Bearer requests without Origin through (scripts), but not a foreign page signing someone in', async () => {
    const u = await registerUser(server.url);
    expect((await call(server.url, 'POST', '/api/workspaces', { token: u.token, body })).status).toBe(201);
    const login = await call(server.url, 'POST', '/api/auth/login', {
      body: { email: u.email, password: u.password },
      headers: { origin: 'https://evil.example' },
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('csrf_rejected');
  });
});

describe('behind https', () => {
  it('marks the session cookie Secure when PUBLIC_ORIGIN is https', async () => {
    const secure = await startTestServer({ PUBLIC_ORIGIN: 'https://stadskamer.example' });
    try {
      const res = await call(secure.url, 'POST', '/api/auth/register', {
        body: { email: 'veilig@kortrijk.be', password: 'een-lang-wachtwoord', name: 'V', organization: 'Stad Kortrijk' },
      });
      expect(res.status).toBe(201);
      expect(sessionCookie(res.headers).attributes).toMatch(/Secure/);
      const u = res.body.token as string;
      const ws = await createWorkspace(secure.url, u);
      expect(ws.role).toBe('owner');
    } finally {
      await secure.close();
    }
  });
});
