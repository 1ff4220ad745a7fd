/**
 * Registration and password-reset limits behind a load balancer: two real instances sharing
 * one Redis (a redis-server of the test's own) count together, so alternating between them
 * buys nothing — the same store the sign-in and join-code limits use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api';
import { TestRedis } from '../helpers/redis';
import { startTestServer, tempDataDir } from '../helpers/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let redis: TestRedis;
let a: Server;
let b: Server;

beforeAll(async () => {
  redis = await TestRedis.start();
  const dataDir = tempDataDir();
  const env = { REDIS_URL: redis.url, DATA_DIR: dataDir, TRUST_PROXY: 'true', REGISTRATIONS_PER_ADDRESS: '4', RESET_REQUESTS_PER_ADDRESS: '4', RESET_REQUESTS_PER_EMAIL: '2' };
  a = await startTestServer(env);
  b = await startTestServer(env);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.kill();
});

const from = (address: string) => ({ 'x-forwarded-for': address });
const register = (s: Server, email: string, address: string) =>
  call(s.url, 'POST', '/api/auth/register', {
    body: { email, password: 'een-lang-wachtwoord', name: 'Griet', organization: 'Stad Brugge' },
    headers: from(address),
  });
const reset = (s: Server, email: string, address: string) =>
  call(s.url, 'POST', '/api/auth/password-reset', { body: { email }, headers: from(address) });

describe('registration and reset limits shared through Redis', () => {
  it('count registrations from one address on both instances together', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await register(i % 2 ? b : a, `nieuw-${i}@brugge.be`, '203.0.113.7')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    // Another address is not held back by it.
    expect((await register(b, 'ander@brugge.be', '203.0.113.8')).status).toBe(201);
  });

  it('count registrations for one e-mail address across addresses and instances', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await register(i % 2 ? b : a, 'bestaat@brugge.be', `198.51.100.${i}`)).status);
    // The first makes the account, the next three learn it exists, the fifth is refused.
    expect(statuses).toEqual([201, 409, 409, 409, 429]);
  });

  it('count reset requests per e-mail address and per client address on both instances together', async () => {
    const perEmail = [];
    for (let i = 0; i < 3; i++) perEmail.push((await reset(i % 2 ? b : a, 'iemand@gent.be', `192.0.2.${i}`)).status);
    expect(perEmail).toEqual([202, 202, 429]);
    const perAddress = [];
    for (let i = 0; i < 5; i++) perAddress.push((await reset(i % 2 ? b : a, `lijst-${i}@gent.be`, '192.0.2.99')).status);
    expect(perAddress).toEqual([202, 202, 202, 202, 429]);
  });
});
