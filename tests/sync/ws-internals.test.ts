import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { frameBinary, senderIsIdle, writeFramed } from '../../server/sync/framing';

/**
 * server/sync/framing.ts writes broadcast frames straight to the TCP socket after reading
 * private fields of ws's sender (bench/framing.ts: 10–25 % less CPU per broadcast than
 * `ws.send` per receiver). These tests pin that bargain: ws must be an exact version, the
 * server's sockets must come from that copy, an idle socket must take the fast path (a
 * renamed field would silently turn it off), and a busy sender must never be overtaken.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const packageDir = (resolved: string) => resolved.slice(0, resolved.lastIndexOf(`${path.sep}node_modules${path.sep}ws${path.sep}`) + 1);

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

/** A server socket and the client at its other end, both open. */
async function pair(perMessageDeflate = false): Promise<{ server: WebSocket; client: WebSocket; received: Buffer[] }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  opened.push(wss);
  await new Promise((r) => wss.once('listening', r));
  const { port } = wss.address() as { port: number };
  const serverSide = new Promise<WebSocket>((r) => wss.once('connection', r));
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate });
  opened.push(client);
  const received: Buffer[] = [];
  client.on('message', (data: Buffer) => received.push(data));
  await new Promise((r) => client.once('open', r));
  return { server: await serverSide, client, received };
}

async function arrived(received: Buffer[], count: number): Promise<void> {
  await expect.poll(() => received.length, { timeout: 5_000, interval: 5 }).toBeGreaterThanOrEqual(count);
}

describe('ws is pinned for the private fields framing.ts reads', () => {
  it('package.json pins the installed ws exactly, and the socket route uses that copy', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/ws/package.json'), 'utf8'));
    expect(pkg.dependencies.ws).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies.ws).toBe(installed.version);
    // @hono/node-ws creates the server's sockets; a nested copy of ws there would escape the pin.
    const honoWs = createRequire(require.resolve('@hono/node-ws')).resolve('ws');
    expect(packageDir(honoWs)).toBe(packageDir(require.resolve('ws')));
  });
});

describe('the fast path on real sockets', () => {
  it.each([10, 300, 70_000])('an idle socket takes the fast path and a %i-byte frame arrives intact', async (size) => {
    const { server, received } = await pair();
    expect(senderIsIdle(server)).toBe(true);
    const payload = new Uint8Array(size).map((_, i) => i % 251);
    writeFramed(server, frameBinary(payload), payload);
    writeFramed(server, frameBinary(payload), payload);
    await arrived(received, 2);
    expect(received.map((b) => Buffer.compare(b, payload))).toEqual([0, 0]);
  });

  it('never overtakes a Blob ws is still reading: the frame waits behind it', async () => {
    const { server, received } = await pair();
    server.send(new Blob([Buffer.from('first')]));
    expect(senderIsIdle(server)).toBe(false);
    const second = Buffer.from('second');
    writeFramed(server, frameBinary(second), second);
    await arrived(received, 2);
    expect(received.map(String)).toEqual(['first', 'second']);
    expect(senderIsIdle(server)).toBe(true);
  });

  it('is off in the middle of a fragmented message', async () => {
    const { server, received } = await pair();
    server.send(Buffer.from('hal'), { fin: false });
    expect(senderIsIdle(server)).toBe(false);
    server.send(Buffer.from('lo'), { fin: true });
    expect(senderIsIdle(server)).toBe(true);
    await arrived(received, 1);
    expect(String(received[0])).toBe('hallo');
  });

  it('is off when compression was negotiated, and the message still arrives', async () => {
    const { server, received } = await pair(true);
    expect(senderIsIdle(server)).toBe(false);
    const payload = Buffer.from('compressed, so never pre-framed');
    writeFramed(server, frameBinary(payload), payload);
    await arrived(received, 1);
    expect(String(received[0])).toBe(String(payload));
  });

  it('is off once the socket is closed', async () => {
    const { server, client } = await pair();
    const closed = new Promise((r) => server.once('close', r));
    client.terminate();
    await closed;
    expect(senderIsIdle(server)).toBe(false);
  });
});
