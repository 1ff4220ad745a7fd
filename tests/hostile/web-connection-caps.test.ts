import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const PER_ADDRESS = 50;
const FLOOD = 1_000;

interface HalfSent {
  socket: net.Socket;
  answer: string;
  closed: boolean;
}

/** A request whose headers never end, from 127.0.0.1. */
function halfSent(port: number): Promise<HalfSent> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const state: HalfSent = { socket, answer: '', closed: false };
    socket.on('data', (chunk) => (state.answer += chunk.toString()));
    socket.on('close', () => (state.closed = true));
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      resolve(state);
    });
    socket.once('error', reject);
  });
}

/** GET /healthz from another loopback address (another client, as far as the server can tell). */
function healthFrom(localAddress: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', localAddress, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(5_000, () => req.destroy(new Error('no answer within 5 s')));
    req.on('error', reject);
  });
}

describe('unfinished requests from one address cannot exhaust the server', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS), HEADERS_TIMEOUT_MS: '3000' });
  });
  afterAll(() => server?.close());

  it(`${FLOOD} half-sent requests: ${PER_ADDRESS} held, the rest refused with 429; others answered; held ones cut at the headers timeout`, { timeout: 60_000 }, async () => {
    const flood: HalfSent[] = [];
    for (let i = 0; i < FLOOD; i += 100) flood.push(...(await Promise.all(Array.from({ length: 100 }, () => halfSent(server.port)))));

    // Someone else is served at once, while the flood is open.
    const started = performance.now();
    expect(await healthFrom('127.0.0.2', server.port)).toBe(200);
    const otherMs = performance.now() - started;

    await expect.poll(() => flood.filter((s) => s.closed).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(FLOOD - PER_ADDRESS);
    const refused = flood.filter((s) => s.answer.startsWith('HTTP/1.1 429'));
    expect(refused[0]!.answer).toContain('"code":"too_many_connections"');

    // The held ones are cut once their headers are overdue, which frees the address again.
    const cutAfter = performance.now();
    await expect.poll(() => flood.every((s) => s.closed), { timeout: 10_000 }).toBe(true);
    const cutMs = performance.now() - cutAfter;
    // Every socket was either refused at once or held and then cut (408). On a slow machine the
    // first held ones may be cut while the flood is still opening, freeing room for a few more.
    const cut = flood.filter((s) => s.answer.startsWith('HTTP/1.1 408'));
    expect(refused.length + cut.length).toBe(FLOOD);
    expect(cut.length).toBeGreaterThanOrEqual(PER_ADDRESS);
    expect(refused.length).toBeGreaterThanOrEqual(FLOOD - 4 * PER_ADDRESS);
    expect(await healthFrom('127.0.0.1', server.port)).toBe(200);
    console.info(
      `connection flood: ${FLOOD} half-sent from one address, ${refused.length} refused at once, ` +
        `${cut.length} held until the headers timeout (${cutMs.toFixed(0)} ms more); another address answered in ${otherMs.toFixed(0)} ms`,
    );
  });
});
