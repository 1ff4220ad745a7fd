import net from 'node:net';
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { SocketBatcher } from '../../server/sync/socket-batcher';
import { createDocumentFor } from '../helpers/api';
import { waitFor } from '../helpers/clients';
import { RawYjsClient, syncFrame } from '../helpers/raw-yjs-client';
import { startTestServer } from '../helpers/server';

/**
 * Every frame a socket gets in one event-loop turn leaves in one write (server/sync/
 * socket-batcher.ts). What must not change: every update arrives, in order, as its own
 * message; a client that stops reading is still dropped; a big burst does not drop a
 * client that reads.
 */

const MAX_BUFFERED = 256 * 1024;
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer({ MAX_BUFFERED_BYTES: String(MAX_BUFFERED) });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(() => server?.close());
afterEach(() => vi.restoreAllMocks());

/** Updates that each push one item to `array` on top of the previous ones. */
function burst(array: string, count: number, itemBytes = 8): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getArray<string>(array).push([`${i}:`.padEnd(itemBytes, 'x')]);
  return updates;
}

/** Sends every frame in one TCP write, so the server reads (and relays) them in one turn. */
function sendTogether(client: RawYjsClient, frames: Uint8Array[]): void {
  const socket = (client.ws as unknown as { _socket: net.Socket })._socket;
  socket.cork();
  for (const f of frames) client.send(f);
  socket.uncork();
}

/** A receiver that applies each sync update frame on its own and notes what it added. */
function recordArrivals(client: RawYjsClient, arrays: string[]): string[] {
  const doc = new Y.Doc();
  const seen: string[] = [];
  client.ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) return;
    const before = arrays.map((a) => doc.getArray(a).length);
    Y.applyUpdate(doc, decoding.readVarUint8Array(d));
    arrays.forEach((a, i) => {
      const items = doc.getArray<string>(a).toArray().slice(before[i]);
      for (const item of items) seen.push(`${a}${item.split(':')[0]}`);
    });
  });
  return seen;
}

/** Kernel writes (write or writev) the server makes on its side of each socket. */
function countServerWrites(): Map<number, number> {
  const byPeerPort = new Map<number, number>();
  const count = (socket: net.Socket) => {
    if (socket.localPort !== server.port || socket.remotePort === undefined) return;
    byPeerPort.set(socket.remotePort, (byPeerPort.get(socket.remotePort) ?? 0) + 1);
  };
  const write = net.Socket.prototype._write;
  const writev = net.Socket.prototype._writev!;
  vi.spyOn(net.Socket.prototype, '_write').mockImplementation(function (this: net.Socket, ...args) {
    count(this);
    return write.apply(this, args);
  });
  vi.spyOn(net.Socket.prototype, '_writev').mockImplementation(function (this: net.Socket, ...args) {
    count(this);
    return writev.apply(this, args);
  });
  return byPeerPort;
}

const localPort = (c: RawYjsClient) => (c.ws as unknown as { _socket: net.Socket })._socket.localPort!;

describe('one write per socket per turn', () => {
  // Rooms of up to two sockets send through ws.send; larger ones share one pre-built frame.
  it.each([1, 3])('delivers a burst of 100 updates from two writers to %i receiver(s) in order, in a few writes', async (receiverCount) => {
    const { token, documentId } = await createDocumentFor(server.url);
    const a = await RawYjsClient.open(wsUrl, documentId, token);
    const b = await RawYjsClient.open(wsUrl, documentId, token);
    const receivers = await Promise.all(Array.from({ length: receiverCount }, () => RawYjsClient.open(wsUrl, documentId, token)));
    const arrivals = receivers.map((r) => recordArrivals(r, ['a', 'b']));
    const writes = countServerWrites();

    sendTogether(a, burst('a', 50).map((u) => syncFrame(2, u)));
    sendTogether(b, burst('b', 50).map((u) => syncFrame(2, u)));
    await waitFor(() => arrivals.every((s) => s.length === 100), 10_000, 'every update at every receiver');

    for (const seen of arrivals) {
      // One message per update, each writer's in the order it sent them.
      expect(seen.filter((s) => s.startsWith('a'))).toEqual(Array.from({ length: 50 }, (_, i) => `a${i}`));
      expect(seen.filter((s) => s.startsWith('b'))).toEqual(Array.from({ length: 50 }, (_, i) => `b${i}`));
    }
    // Without batching each receiver would get 100 writes; a burst read in one or a few turns costs a few.
    for (const r of receivers) expect(writes.get(localPort(r)) ?? 0).toBeLessThanOrEqual(10);
    for (const c of [a, b, ...receivers]) c.close();
  });

  it('does not count a big burst in one turn as a slow consumer against a client that reads', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const names = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5'];
    const writers = await Promise.all(names.map(() => RawYjsClient.open(wsUrl, documentId, token)));
    const reader = await RawYjsClient.open(wsUrl, documentId, token);
    const arrivals = recordArrivals(reader, names);
    // Six sockets readable at once are read in one poll phase: 6 × 60 KB, more than
    // MAX_BUFFERED_BYTES, go to the reader in the same turn.
    writers.forEach((w, i) => w.sendUpdate(burst(names[i]!, 1, 60_000)[0]!));
    await waitFor(() => arrivals.length === 6 || reader.closed !== null, 10_000, 'the burst or a close');
    expect(reader.closed).toBeNull();
    expect([...arrivals].sort()).toEqual(names.map((n) => `${n}0`));
    for (const c of [...writers, reader]) c.close();
  });

  it('still drops a client that stopped reading, while the others get everything', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const writer = await RawYjsClient.open(wsUrl, documentId, token);
    const reader = await RawYjsClient.open(wsUrl, documentId, token);
    const stalled = await RawYjsClient.open(wsUrl, documentId, token);
    const arrivals = recordArrivals(reader, ['big']);
    (stalled.ws as unknown as { _socket: net.Socket })._socket.pause();
    // 8 MB in bursts: far beyond the kernel's socket buffers plus MAX_BUFFERED_BYTES.
    const updates = burst('big', 80, 100_000);
    for (let i = 0; i < updates.length; i += 10) {
      sendTogether(writer, updates.slice(i, i + 10).map((u) => syncFrame(2, u)));
      await writer.roundTrip();
    }
    await waitFor(() => arrivals.length === 80, 20_000, 'the reader gets everything');
    (stalled.ws as unknown as { _socket: net.Socket })._socket.resume();
    // 4408 is sent, but the server cuts the socket rather than wait behind the backlog: 1006.
    expect([4408, 1006]).toContain(await stalled.closeCode());
    expect(arrivals).toEqual(Array.from({ length: 80 }, (_, i) => `big${i}`));
    writer.close();
    reader.close();
  });
});

describe('SocketBatcher', () => {
  function fakeSocket() {
    const calls: string[] = [];
    const socket = { writableLength: 0, cork: () => calls.push('cork'), uncork: () => calls.push('uncork') };
    return { ws: { _socket: socket } as unknown as WebSocket, socket, calls };
  }

  it('corks a socket once per turn and uncorks every held socket in one setImmediate', async () => {
    const batcher = new SocketBatcher(1024);
    const one = fakeSocket();
    const two = fakeSocket();
    for (let i = 0; i < 5; i++) batcher.hold(one.ws);
    batcher.hold(two.ws);
    expect(batcher.heldCount).toBe(2);
    expect(one.calls).toEqual(['cork']);
    await new Promise((r) => setImmediate(r));
    expect(one.calls).toEqual(['cork', 'uncork']);
    expect(two.calls).toEqual(['cork', 'uncork']);
    // The next turn holds it again.
    batcher.hold(one.ws);
    await new Promise((r) => setImmediate(r));
    expect(one.calls).toEqual(['cork', 'uncork', 'cork', 'uncork']);
  });

  it('writes one socket out at once for a direct answer, leaving the others held', async () => {
    const batcher = new SocketBatcher(1024);
    const one = fakeSocket();
    const two = fakeSocket();
    batcher.hold(one.ws);
    batcher.hold(two.ws);
    batcher.flush(one.ws);
    expect(one.calls).toEqual(['cork', 'uncork']);
    expect(two.calls).toEqual(['cork']);
    batcher.flush(one.ws);
    await new Promise((r) => setImmediate(r));
    expect(one.calls).toEqual(['cork', 'uncork']);
    expect(two.calls).toEqual(['cork', 'uncork']);
  });

  it('writes a held socket out early once it holds too much, and ignores a socket ws no longer has', async () => {
    const batcher = new SocketBatcher(1024);
    const one = fakeSocket();
    batcher.hold(one.ws);
    one.socket.writableLength = 2048;
    batcher.hold(one.ws);
    expect(one.calls).toEqual(['cork', 'uncork', 'cork']);
    batcher.hold({ _socket: null } as unknown as WebSocket);
    expect(batcher.heldCount).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(one.calls).toEqual(['cork', 'uncork', 'cork', 'uncork']);
  });
});
