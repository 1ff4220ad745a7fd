import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registerUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const LIMIT = 5;

function registration(server: Server, i: number) {
  return call(server.url, 'POST', '/api/auth/register', {
    body: { email: `massa-${i}-${Math.random()}@example.be`, password: 'een-lang-wachtwoord', name: `Bot ${i}`, organization: 'Nergens' },
  });
}

describe('registration is throttled per client address', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer({ REGISTRATIONS_PER_ADDRESS: String(LIMIT) })));
  afterAll(() => server?.close());

  it(`100 parallel registrations from one address: ${LIMIT} accounts, the rest 429 with Retry-After; a sign-in meanwhile still works`, async () => {
    const existing = await registerUser(server.url);
    const quiet = performance.now();
    await call(server.url, 'POST', '/api/auth/login', { body: { email: existing.email, password: existing.password } });
    const quietMs = performance.now() - quiet;
    const flood = Promise.all(Array.from({ length: 100 }, (_, i) => registration(server, i)));
    const started = performance.now();
    const login = await call(server.url, 'POST', '/api/auth/login', { body: { email: existing.email, password: existing.password } });
    const loginMs = performance.now() - started;
    const answers = await flood;

    expect(login.status).toBe(200);
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 429);
    expect(created.length).toBe(LIMIT - 1);
    expect(refused.length).toBe(100 - (LIMIT - 1));
    for (const r of refused) {
      expect(r.body.error.code).toBe('too_many_requests');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    console.info(`registration flood: ${created.length} created, ${refused.length} refused; a sign-in meanwhile took ${loginMs.toFixed(0)} ms (alone: ${quietMs.toFixed(0)} ms)`);
  });
});
