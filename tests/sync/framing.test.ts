import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('broadcast frames built once for every receiver', () => {
  // The three WebSocket length encodings: 7-bit, 16-bit and 64-bit payload lengths.
  it.each([10, 300, 70_000, 200_000])('delivers a %i-character edit intact to every receiver', async (size) => {
    const { token, documentId } = await createDocumentFor(server.url);
    const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
    const clients = Array.from({ length: 4 }, () => connectClient(wsUrl, documentId, { token }));
    await Promise.all(clients.map((c) => synced(c.provider)));
    const text = Array.from({ length: size }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    clients[0]!.doc.getText('t').insert(0, text);
    await waitFor(() => clients.every((c) => c.doc.getText('t').length === size), 10_000, 'all receivers');
    for (const c of clients) expect(c.doc.getText('t').toString()).toBe(text);
    // The sockets stay healthy for the next message.
    clients[1]!.doc.getText('t').insert(0, '!');
    await waitFor(() => clients.every((c) => c.doc.getText('t').length === size + 1), 5_000, 'next message');
    clients.forEach((c) => c.provider.destroy());
  });
});
