import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { namedDocuments } from '../helpers/api';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  doc = namedDocuments(server.url);
});
let doc: ReturnType<typeof namedDocuments>;
async function client(name: string) {
  const { token, documentId } = await doc(name);
  return connectClient(wsUrl, documentId, { token });
}
afterAll(() => server.close());

describe('awareness', () => {
  it('propagates cursor state to others and removes it when a client disconnects', async () => {
    const a = await client('aw-doc');
    const b = await client('aw-doc');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 7 });

    const aId = a.doc.clientID;
    await waitFor(() => b.provider.awareness.getStates().get(aId)?.cursor !== undefined, 5000, 'cursor at B');
    expect(b.provider.awareness.getStates().get(aId)?.cursor).toEqual({ anchor: 3, head: 7 });

    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 5000, 'cursor removed at B');
    a.provider.destroy();
    b.provider.destroy();
  });

  it('sends the current states to a late joiner and answers query-awareness', async () => {
    const a = await client('aw-late');
    await synced(a.provider);
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    await new Promise((r) => setTimeout(r, 100));
    const late = await client('aw-late');
    await waitFor(() => late.provider.awareness.getStates().has(a.doc.clientID), 5000, 'state at late joiner');
    a.provider.destroy();
    late.provider.destroy();
  });

  it('does not let one socket overwrite or erase the state of another socket’s client id', async () => {
    const a = await client('aw-own');
    const b = await client('aw-own');
    const c = await client('aw-own');
    await Promise.all([synced(a.provider), synced(b.provider), synced(c.provider)]);
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    const aId = a.doc.clientID;
    await waitFor(() => c.provider.awareness.getStates().has(aId), 5000, 'A at C');

    // B forges an update for A's client id with a higher clock, then a removal of it.
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const { Doc } = await import('yjs');
    const forger = new Awareness(new Doc({ guid: 'x' }));
    forger.clientID = aId;
    forger.setLocalState({ cursor: { anchor: 99, head: 99 } });
    forger.setLocalState({ cursor: { anchor: 99, head: 99 }, x: 1 });
    const forged = encodeAwarenessUpdate(forger, [aId]);
    const { MessageType } = await import('../../shared/protocol');
    const encoding = await import('lib0/encoding');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, forged);
    (b.provider.ws as unknown as { send(d: Uint8Array): void }).send(encoding.toUint8Array(e));
    await new Promise((r) => setTimeout(r, 200));
    expect(c.provider.awareness.getStates().get(aId)?.cursor).toEqual({ anchor: 1, head: 1 });
    forger.destroy();
    for (const x of [a, b, c]) x.provider.destroy();
  });
});
