import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';
import { awarenessMarker, roundTrip } from '../helpers/barrier';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { openRawSocket } from '../helpers/raw-socket';
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

  it('sends the current states to a late joiner', async () => {
    const a = await client('aw-late');
    await synced(a.provider);
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    await roundTrip(a.provider); // the server holds A's state now
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
    // Several steps, so that the forged clock is ahead of A's and C would take it if relayed.
    for (let i = 0; i < 5; i++) forger.setLocalState({ cursor: { anchor: 99, head: 99 }, x: i });
    const forged = encodeAwarenessUpdate(forger, [aId]);
    const encoding = await import('lib0/encoding');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, forged);
    (b.provider.ws as unknown as { send(d: Uint8Array): void }).send(encoding.toUint8Array(e));
    // B's own marker, sent after the forgery, reaches C only after the forgery was relayed or dropped.
    await awarenessMarker(b.provider, c.provider, 'after-forgery');
    expect(c.provider.awareness.getStates().get(aId)?.cursor).toEqual({ anchor: 1, head: 1 });
    forger.destroy();
    for (const x of [a, b, c]) x.provider.destroy();
  });

  it('answers query-awareness (message type 3) on the asking socket with everyone’s current state', async () => {
    const { token, documentId } = await doc('aw-query');
    const a = connectClient(wsUrl, documentId, { token });
    const observer = connectClient(wsUrl, documentId, { token });
    await Promise.all([synced(a.provider), synced(observer.provider)]);
    a.provider.awareness.setLocalStateField('cursor', { anchor: 2, head: 5 });
    const aId = a.doc.clientID;
    // Once the observer has A's cursor, the server has relayed it: nothing of it is still queued.
    await waitFor(() => observer.provider.awareness.getStates().get(aId)?.cursor !== undefined, 5000, 'cursor at observer');

    const raw = await openRawSocket(`${wsUrl}/${documentId}?token=${token}`);
    await roundTrip(raw); // what the server sends a joiner has arrived; from here on only answers come
    const states: Array<Map<number, Record<string, unknown>>> = [];
    raw.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== MessageType.awareness) return;
      const seen = new Awareness(new Y.Doc());
      applyAwarenessUpdate(seen, decoding.readVarUint8Array(d), 'server');
      states.push(seen.getStates());
    });
    raw.send(Uint8Array.of(MessageType.queryAwareness));
    await waitFor(() => states.some((s) => s.has(aId)), 5000, 'answer to query-awareness');
    const answered = states.find((s) => s.has(aId))!;
    expect(answered.get(aId)).toMatchObject({ cursor: { anchor: 2, head: 5 }, user: { name: expect.any(String) } });
    raw.close();
    destroyAll(a.provider, observer.provider);
  });
});
