/**
 * Join-code guessing behind a load balancer: two real instances sharing one Redis (a real
 * redis-server of the test's own) and one data directory count wrong codes together, so
 * alternating between them buys a guesser nothing. With Redis gone the in-process stand-in
 * still refuses.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { call, createDocumentFor } from '../helpers/api';
import { TestRedis } from '../helpers/redis';
import { startTestServer, tempDataDir } from '../helpers/server';
import { JOIN_LIMITS } from '../../server/join/join-limiter';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let redis: TestRedis;
let a: Server;
let b: Server;
let code: string;

/** A well-formed code that no session has (the alphabet has no 0, 1, O or I). */
const wrongCode = (i: number) => `ZZZZ${'ABCDEFGHJKLMNPQR'[Math.floor(i / 16) % 16]}${'ABCDEFGHJKLMNPQR'[i % 16]}`;

beforeAll(async () => {
  redis = await TestRedis.start();
  const dataDir = tempDataDir();
  a = await startTestServer({ REDIS_URL: redis.url, DATA_DIR: dataDir, TRUST_PROXY: 'true' });
  b = await startTestServer({ REDIS_URL: redis.url, DATA_DIR: dataDir, TRUST_PROXY: 'true' });
  const owner = await createDocumentFor(a.url, { kind: 'board', title: 'Atelier' });
  const res = await call(a.url, 'POST', `/api/documents/${owner.documentId}/join-session`, { token: owner.token, body: {} });
  code = res.body.session.code;
  // Both limiters must be connected before counting: a guess counted by a stand-in is not shared.
  const probe = createClient({ url: redis.url });
  await probe.connect();
  try {
    await vi.waitFor(
      async () => {
        const names = (await probe.clientList()).map((c) => c.name);
        if (names.filter((n) => n === 'stadskamer-join-limiter').length !== 2) throw new Error('limiters not connected yet');
      },
      { timeout: 10_000, interval: 50 },
    );
  } finally {
    probe.destroy();
  }
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.kill();
});

describe('join-code guessing across instances sharing Redis', () => {
  it('refuses on both instances once the guesses made on either add up to the limit', async () => {
    const guesser = { 'x-forwarded-for': '198.51.100.10' };
    for (let i = 0; i < JOIN_LIMITS.wrongCodesPerAddress; i++) {
      const server = i % 2 === 0 ? a : b;
      expect((await call(server.url, 'GET', `/api/join/${wrongCode(i)}`, { headers: guesser })).status).toBe(404);
    }
    // Each instance alone saw only half the limit; together they refuse, even the right code.
    for (const server of [a, b]) {
      const res = await call(server.url, 'GET', `/api/join/${code}`, { headers: guesser });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const probe = createClient({ url: redis.url });
    await probe.connect();
    try {
      expect(await probe.keys('stadskamer:join_wrong*')).toEqual(['stadskamer:join_wrong:198.51.100.10']);
    } finally {
      probe.destroy();
    }
    // Another address is not held back by this one.
    expect((await call(b.url, 'GET', `/api/join/${code}`, { headers: { 'x-forwarded-for': '198.51.100.11' } })).status).toBe(200);
  });

  it('keeps refusing guesses while Redis is away, per instance', async () => {
    await redis.kill();
    const guesser = { 'x-forwarded-for': '198.51.100.20' };
    for (let i = 0; i < JOIN_LIMITS.wrongCodesPerAddress; i++) {
      expect((await call(a.url, 'GET', `/api/join/${wrongCode(100 + i)}`, { headers: guesser })).status).toBe(404);
    }
    expect((await call(a.url, 'GET', `/api/join/${code}`, { headers: guesser })).status).toBe(429);
    expect((await call(a.url, 'GET', `/api/join/${code}`, { headers: { 'x-forwarded-for': '198.51.100.21' } })).status).toBe(200);
  });
});
