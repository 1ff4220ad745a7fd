import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { closeOf, openRawSocket } from '../helpers/raw-socket';
import { createDocumentFor } from '../helpers/api';
import { startTestServer } from '../helpers/server';

const MAX = 64 * 1024;
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer({ MAX_MESSAGE_BYTES: String(MAX) });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(() => server.close());

function frame(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);
const raw = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeUint8Array(e, b);

const validUpdate = (() => {
  const d = new Y.Doc();
  d.getText('t').insert(0, 'x');
  return Y.encodeStateAsUpdate(d);
})();

const cases: Array<{ name: string; data: Uint8Array | string; codes: number[] }> = [
  { name: 'random bytes that do not decode', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), codes: [1007] },
  { name: 'an empty frame', data: new Uint8Array(0), codes: [1007] },
  { name: 'an unknown message type', data: frame(uint(9), bytes(new Uint8Array([1]))), codes: [4400] },
  { name: 'an unknown sync step', data: frame(uint(0), uint(7), bytes(new Uint8Array([0]))), codes: [4400] },
  { name: 'a text frame', data: 'hallo', codes: [4400] },
  { name: 'a truncated update', data: frame(uint(0), uint(2), bytes(validUpdate.slice(0, validUpdate.length - 3))), codes: [1007] },
  { name: 'trailing bytes after a message', data: frame(uint(0), uint(2), bytes(validUpdate), raw(new Uint8Array([1, 2, 3]))), codes: [1007] },
  {
    // One client claiming 2^31 structs in a handful of bytes: Yjs would try to allocate them.
    name: 'an update whose struct count exceeds the frame (yjs #687 style)',
    data: frame(uint(0), uint(2), bytes(frame(uint(1), uint(2 ** 31), uint(1), uint(0), uint(0)))),
    codes: [1007],
  },
  { name: 'awareness with invalid JSON', data: frame(uint(1), bytes(frame(uint(1), uint(5), uint(1), (e) => encoding.writeVarString(e, '{nope')))), codes: [1007] },
  { name: 'a frame over MAX_MESSAGE_BYTES', data: new Uint8Array(MAX + 1), codes: [1009] },
];

describe('bad input closes only the offending connection', () => {
  it.each(cases)('$name', async ({ data, codes }) => {
    const { token, documentId } = await createDocumentFor(server.url);
    const a = connectClient(wsUrl, documentId, { token });
    const b = connectClient(wsUrl, documentId, { token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('t').insert(0, 'voor');
    await waitFor(() => b.doc.getText('t').toString() === 'voor', 5000, 'first edit');

    const bad = await openRawSocket(`${wsUrl}/${documentId}?token=${token}`);
    const closed = closeOf(bad);
    bad.send(data);
    const { code, reason } = await closed;
    expect(codes).toContain(code);
    if (code !== 1009) expect(reason.length).toBeGreaterThan(0);

    // The document and the other clients are unharmed and keep syncing.
    a.doc.getText('t').insert(4, ' en na');
    await waitFor(() => b.doc.getText('t').toString() === 'voor en na', 5000, 'edit after the bad frame');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);

    const late = connectClient(wsUrl, documentId, { token });
    await synced(late.provider);
    expect(late.doc.getText('t').toString()).toBe('voor en na');
    for (const c of [a, b, late]) c.provider.destroy();
  });
});
