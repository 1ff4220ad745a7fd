import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, registerUser } from '../helpers/api';
import { TestRedis } from '../helpers/redis';
import { createClient } from 'redis';
import { startTestServer, tempDataDir } from '../helpers/server';

/** The defaults: 5 failures per e-mail address per 15 minutes; per client address the tests set a low limit. */
const PER_EMAIL = 5;
// 30 by default; each failure costs a real scrypt, so the per-address tests use fewer.
const PER_ADDRESS = 8;
const ADDRESS_ENV = { LOGIN_FAILURES_PER_ADDRESS: String(PER_ADDRESS) };
const WINDOW_S = 15 * 60;

const login = (url: string, email: string, password: string, headers: Record<string, string> = {}) =>
  call(url, 'POST', '/api/auth/login', { body: { email, password }, headers });

function expectThrottled(res: Awaited<ReturnType<typeof login>>): number {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('too_many_attempts');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_S);
  return retryAfter;
}

describe('in-process login limiter', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers 429 with Retry-After after repeated failures for one address, even for the right password, until the window ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-04T10:00:00Z') });
    const u = await registerUser(server.url);
    const other = await registerUser(server.url);
    for (let i = 0; i < PER_EMAIL; i++) {
      expect((await login(server.url, u.email, 'verkeerd-wachtwoord')).status).toBe(401);
    }
    expectThrottled(await login(server.url, u.email, u.password));
    expectThrottled(await login(server.url, u.email.toUpperCase(), 'verkeerd-wachtwoord'));
    // Someone else signs in as usual.
    expect((await login(server.url, other.email, other.password)).status).toBe(200);

    vi.setSystemTime(new Date('2026-05-04T10:10:00Z'));
    const retryAfter = expectThrottled(await login(server.url, u.email, u.password));
    expect(retryAfter).toBeLessThanOrEqual(5 * 60);

    vi.setSystemTime(new Date('2026-05-04T10:15:01Z'));
    expect((await login(server.url, u.email, u.password)).status).toBe(200);
  });

  it('a successful sign-in clears the count for that address', async () => {
    const u = await registerUser(server.url);
    for (let i = 0; i < PER_EMAIL - 1; i++) expect((await login(server.url, u.email, 'verkeerd-wachtwoord')).status).toBe(401);
    expect((await login(server.url, u.email, u.password)).status).toBe(200);
    for (let i = 0; i < PER_EMAIL - 1; i++) expect((await login(server.url, u.email, 'verkeerd-wachtwoord')).status).toBe(401);
    expect((await login(server.url, u.email, u.password)).status).toBe(200);
  });
});

describe('per client address', () => {
  it('throttles one address that tries many accounts, whatever X-Forwarded-For it claims', async () => {
    const server = await startTestServer(ADDRESS_ENV);
    try {
      const u = await registerUser(server.url);
      for (let i = 0; i < PER_ADDRESS; i++) {
        const res = await login(server.url, `gok-${i}@example.be`, 'verkeerd-wachtwoord', { 'x-forwarded-for': `198.51.100.${i}` });
        expect(res.status).toBe(401);
      }
      expectThrottled(await login(server.url, u.email, u.password, { 'x-forwarded-for': '198.51.100.200' }));
    } finally {
      await server.close();
    }
  });

  it('with TRUST_PROXY counts the address the proxy saw (the last X-Forwarded-For entry)', async () => {
    const server = await startTestServer({ ...ADDRESS_ENV, TRUST_PROXY: 'true' });
    try {
      const u = await registerUser(server.url);
      for (let i = 0; i < PER_ADDRESS; i++) {
        // The client forges the first entries; the proxy appends the real one.
        const res = await login(server.url, `gok-${i}@example.be`, 'verkeerd-wachtwoord', {
          'x-forwarded-for': `10.0.0.${i}, 203.0.113.7`,
        });
        expect(res.status).toBe(401);
      }
      expectThrottled(await login(server.url, u.email, u.password, { 'x-forwarded-for': '203.0.113.7' }));
      expect((await login(server.url, u.email, u.password, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('Redis-backed login limiter (REDIS_URL)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await TestRedis.start();
  });
  afterAll(() => redis.kill());

  it('counts failures across instances sharing Redis, and keeps signing people in while Redis is away', async () => {
    const dataDir = tempDataDir();
    const a = await startTestServer({ REDIS_URL: redis.url, DATA_DIR: dataDir });
    const b = await startTestServer({ REDIS_URL: redis.url, DATA_DIR: dataDir });
    const probe = createClient({ url: redis.url });
    try {
      const u = await registerUser(a.url);
      await probe.connect();
      // Both limiters must be connected: a failure counted by the stand-in would not be shared.
      await waitFor(async () => (await probe.clientList()).filter((c) => c.name === 'stadskamer-login-limiter').length === 2);
      for (let i = 0; i < PER_EMAIL; i++) {
        const target = i % 2 === 0 ? a : b;
        expect((await login(target.url, u.email, 'verkeerd-wachtwoord')).status).toBe(401);
      }
      expect(await probe.keys('stadskamer:login_email*')).toHaveLength(1);
      probe.destroy();
      expectThrottled(await login(a.url, u.email, u.password));
      expectThrottled(await login(b.url, u.email, u.password));

      await redis.kill();
      const other = await registerUser(b.url);
      expect((await login(b.url, other.email, other.password)).status).toBe(200);
      for (let i = 0; i < PER_EMAIL; i++) expect((await login(b.url, other.email, 'verkeerd-wachtwoord')).status).toBe(401);
      // The in-process stand-in still counts while Redis is gone.
      expectThrottled(await login(b.url, other.email, other.password));
    } finally {
      if (probe.isOpen) probe.destroy();
      await a.close();
      await b.close();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error('timed out');
    },
    { timeout: timeoutMs, interval: 50 },
  );
}
