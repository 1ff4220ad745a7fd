import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { closeOf, openRawSocket } from '../helpers/raw-socket';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;
let doc: { token: string; documentId: string };

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  doc = await createDocumentFor(`http://127.0.0.1:${server.port}`);
});
afterAll(() => server?.close());

const v = (e: encoding.Encoder, n: number) => encoding.writeVarUint(e, n);
function update(build: (e: encoding.Encoder) => void): Uint8Array {
  const inner = encoding.createEncoder();
  build(inner);
  const e = encoding.createEncoder();
  v(e, 0);
  v(e, 2);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/**
 * Payloads in the spirit of yjs issue #687: tiny frames whose counts make Yjs allocate
 * or loop in proportion to a number, not to the bytes sent.
 */
const crafted: Array<{ name: string; frame: Uint8Array }> = [
  { name: '2^31 structs announced in a few bytes', frame: update((e) => (v(e, 1), v(e, 2 ** 31), v(e, 7), v(e, 0))) },
  { name: '2^30 clients announced', frame: update((e) => v(e, 2 ** 30)) },
  {
    name: 'a JSON content claiming 2^28 entries',
    frame: update((e) => {
      v(e, 1);
      v(e, 1);
      v(e, 7);
      v(e, 0);
      encoding.writeUint8(e, 2); // Item with JSON content, parent by name
      v(e, 1);
      encoding.writeVarString(e, 'default');
      v(e, 2 ** 28);
    }),
  },
  {
    name: 'a delete set with 2^29 ranges',
    frame: update((e) => (v(e, 0), v(e, 1), v(e, 7), v(e, 2 ** 29))),
  },
  {
    name: 'an "any" value nested thousands deep',
    frame: update((e) => {
      v(e, 1);
      v(e, 1);
      v(e, 7);
      v(e, 0);
      encoding.writeUint8(e, 8); // Item with Any content
      v(e, 1);
      encoding.writeVarString(e, 'meta');
      v(e, 1);
      for (let i = 0; i < 5000; i++) {
        encoding.writeUint8(e, 117);
        v(e, 1);
      }
      encoding.writeUint8(e, 126);
    }),
  },
  // The run-length payload of the issue report, sent as a v1 update.
  { name: 'the report’s v2 payload', frame: update((e) => encoding.writeUint8Array(e, Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'))) },
];

describe('crafted updates (yjs #687)', () => {
  it.each(crafted)('$name: closes the connection and never stalls the server for 100 ms', async ({ frame }) => {
    const honest = connectClient(wsUrl, doc.documentId, { token: doc.token });
    await synced(honest.provider);
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const bad = await openRawSocket(`${wsUrl}/${doc.documentId}?token=${doc.token}`);
    const closed = closeOf(bad);
    bad.send(frame);
    const { code } = await closed;
    histogram.disable();
    expect([1007, 4400]).toContain(code);
    // The event loop of this process is the server's: its worst delay is the stall.
    expect(histogram.max / 1e6).toBeLessThan(100);

    const before = honest.doc.getText('t').length;
    honest.doc.getText('t').insert(0, 'nog altijd');
    const check = connectClient(wsUrl, doc.documentId, { token: doc.token });
    await synced(check.provider);
    await waitFor(() => check.doc.getText('t').length === before + 10, 5000, 'document still syncing');
    honest.provider.destroy();
    check.provider.destroy();
  });
});
