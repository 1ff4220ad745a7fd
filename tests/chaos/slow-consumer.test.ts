import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { openRawSocket } from '../helpers/raw-socket';
import { startTestServer } from '../helpers/server';

const LIMIT = 256 * 1024;
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;
let doc: { token: string; documentId: string };

beforeAll(async () => {
  server = await startTestServer({ MAX_BUFFERED_BYTES: String(LIMIT) });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  doc = await createDocumentFor(`http://127.0.0.1:${server.port}`);
});
afterAll(() => server?.close());

describe('a client that stops reading', () => {
  it('is dropped after a bounded send buffer while the others keep receiving everything', async () => {
    const writer = connectClient(wsUrl, doc.documentId, { token: doc.token });
    const reader = connectClient(wsUrl, doc.documentId, { token: doc.token });
    await Promise.all([synced(writer.provider), synced(reader.provider)]);

    const slow = await openRawSocket(`${wsUrl}/${doc.documentId}?token=${doc.token}`);
    let slowBytes = 0;
    slow.on('message', (d: Buffer) => (slowBytes += d.length));
    let slowClosed = false;
    slow.on('close', () => (slowClosed = true));
    await new Promise((r) => setTimeout(r, 100));
    // Stop reading from the TCP socket: the kernel buffers fill, then the server's.
    (slow as unknown as { _socket: Socket })._socket.pause();

    const chunk = 'x'.repeat(100 * 1024);
    const items = writer.doc.getArray<string>('blobs');
    for (let i = 0; i < 150; i++) {
      items.push([`${i}:${chunk}`]);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    // Everyone else got all of it while the slow socket was still not reading.
    await waitFor(() => reader.doc.getArray('blobs').length === 150, 20_000, 'reader receives everything');

    (slow as unknown as { _socket: Socket })._socket.resume();
    await waitFor(() => slowClosed, 10_000, 'slow consumer dropped');
    // It was cut off: it never received the whole 15 MB.
    expect(slowBytes).toBeLessThan(150 * chunk.length);
    writer.provider.destroy();
    reader.provider.destroy();
  });
});
