import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { call } from '../helpers/api';
import { TestOidcProvider } from '../helpers/oidc-provider';
import { startTestServer } from '../helpers/server';

let provider: TestOidcProvider;
let server: Awaited<ReturnType<typeof startTestServer>>;
let base: string;

beforeAll(async () => {
  provider = await TestOidcProvider.listen();
  server = await startTestServer({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    PASSWORD_LOGIN: 'false',
  });
  base = `http://127.0.0.1:${server.port}`;
  provider.configure(`http://localhost:${server.port}/api/auth/sso/callback`, {});
});
afterAll(async () => {
  await server?.close();
  await provider?.close();
});

/** GET without following redirects: the Location and the cookies the server set. */
async function hop(path: string, cookie?: string): Promise<{ status: number; location: string; cookies: string[] }> {
  const res = await fetch(`${base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: res.status, location: res.headers.get('location') ?? '', cookies: res.headers.getSetCookie() };
}

describe('single sign-on routes', () => {
  it('say how people sign in here', async () => {
    const options = await call(base, 'GET', '/api/auth/options');
    expect(options.body).toEqual({ passwordLogin: false, sso: { label: null, startUrl: '/api/auth/sso/start' } });
  });

  it('send the browser to the provider with PKCE, state and nonce, binding the state to it', async () => {
    const start = await hop('/api/auth/sso/start?next=/workspaces/w1');
    expect(start.status).toBe(302);
    const to = new URL(start.location);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('redirect_uri')).toBe(`http://localhost:${server.port}/api/auth/sso/callback`);
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)?.length).toBeGreaterThanOrEqual(32);
    const cookie = start.cookies.find((c) => c.startsWith('stadskamer_sso='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie.split(';')[0]!.split('=')[1]).toBe(to.searchParams.get('state'));
  });

  it('refuse a callback whose state is not the one this browser started with, once and for all', async () => {
    const start = await hop('/api/auth/sso/start');
    const state = new URL(start.location).searchParams.get('state')!;
    const cookie = start.cookies[0]!.split(';')[0]!;
    const wrong = await hop(`/api/auth/sso/callback?code=abc&state=${state}x`, cookie);
    expect(wrong.status).toBe(303);
    expect(wrong.location).toBe('/signin?sso_error=sso_failed');
    expect(wrong.cookies.some((c) => c.startsWith('stadskamer_session='))).toBe(false);
    // The pending sign-in is used up: the right state no longer works either.
    const late = await hop(`/api/auth/sso/callback?code=abc&state=${state}`, cookie);
    expect(late.location).toBe('/signin?sso_error=sso_expired');
    // No cookie at all (another browser): refused.
    expect((await hop(`/api/auth/sso/callback?code=abc&state=${state}`)).location).toBe('/signin?sso_error=sso_expired');
  });

  it('switch password sign-in and registration off with PASSWORD_LOGIN=false', async () => {
    const login = await call(base, 'POST', '/api/auth/login', { body: { email: 'a@b.be', password: 'een-lang-wachtwoord' } });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('password_login_disabled');
    const register = await call(base, 'POST', '/api/auth/register', {
      body: { email: 'a@b.be', password: 'een-lang-wachtwoord', name: 'A', organization: 'Stad Gent' },
    });
    expect(register.status).toBe(403);
  });

  it('refuse half a configuration, and password sign-in off without single sign-on', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.vlaanderen.be' })).toThrow(ConfigError);
    expect(() => loadConfig({ PASSWORD_LOGIN: 'false' })).toThrow(/needs single sign-on/);
  });

  it('send the browser back with a clear error while the provider does not answer', async () => {
    const down = await startTestServer({
      OIDC_ISSUER: 'http://127.0.0.1:9/',
      OIDC_CLIENT_ID: 'x',
      OIDC_CLIENT_SECRET: 'y',
    });
    const res = await fetch(`http://127.0.0.1:${down.port}/api/auth/sso/start`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?sso_error=sso_unavailable');
    await down.close();
  });
});
