import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { roundTrip } from '../helpers/barrier';
import { addMember, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startTestServer } from '../helpers/server';

/**
 * Presence at scale (issue #19, item 2): stock clients echo every state they receive, the
 * relay drops those echoes unread; unchanged states are not resent; one client's cursor
 * is relayed at most ~10 times a second; names and colours still reach stock clients.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(() => server?.close());

/** Every awareness entry a raw socket receives, in order: [clientId, json]. */
function recordEntries(client: RawYjsClient): Array<[number, string]> {
  const seen: Array<[number, string]> = [];
  client.ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 1) return;
    const a = decoding.createDecoder(decoding.readVarUint8Array(d));
    const n = decoding.readVarUint(a);
    for (let i = 0; i < n; i++) {
      const id = decoding.readVarUint(a);
      decoding.readVarUint(a);
      seen.push([id, decoding.readVarString(a)]);
    }
  });
  return seen;
}

/**
 * Everything the server holds, via query-awareness: `marker` is a state known to be there,
 * so once it arrived the whole snapshot has (the join-time snapshot may come before a raw
 * socket listens).
 */
async function snapshotHas(joiner: RawYjsClient, marker: number, clientId: number): Promise<boolean> {
  joiner.send(Uint8Array.of(3));
  await waitFor(() => joiner.awareness.has(marker), 5_000, 'the snapshot');
  return joiner.awareness.has(clientId);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('presence relay', () => {
  it('lets eight stock clients of four people see each other with names and colours; nobody is closed', async () => {
    const { token, documentId, workspaceId } = await createDocumentFor(server.url);
    const people = [{ token, name: 'Eigenaar' }];
    for (const name of ['An Peeters', 'Bram Claes', 'Chloë Maes']) {
      people.push({ token: (await addMember(server.url, token, workspaceId, 'editor', { name, organization: 'Stad Leuven' })).token, name });
    }
    const closes: number[] = [];
    const clients = people.flatMap((p) => [0, 1].map(() => ({ ...connectClient(wsUrl, documentId, { token: p.token }), name: p.name })));
    for (const c of clients) c.provider.on('connection-close', (e: { code: number } | null) => closes.push(e?.code ?? 0));
    await Promise.all(clients.map((c) => synced(c.provider)));
    clients.forEach((c, i) => c.provider.awareness.setLocalStateField('cursor', { anchor: i, head: i }));

    const complete = (c: (typeof clients)[number]) =>
      clients.every((other) => (c.provider.awareness.getStates().get(other.doc.clientID) as { cursor?: unknown } | undefined)?.cursor !== undefined);
    await waitFor(() => clients.every(complete), 10_000, 'every cursor at every client');
    // Every echo the clients sent is handled once each has had a round trip answered.
    await Promise.all(clients.map((c) => roundTrip(c.provider)));
    expect(closes).toEqual([]);
    for (const c of clients) {
      for (const other of clients.filter((o) => o !== c)) {
        const state = c.provider.awareness.getStates().get(other.doc.clientID) as { user: { name: string; color: string; organization: string } };
        expect(state.user.name).toBe(other.name);
        expect(state.user.color).toMatch(/^#[0-9a-f]{6}$/);
        expect(state.user.organization).toBe(other.name === 'Eigenaar' ? 'Stad Gent' : 'Stad Leuven');
      }
    }
    destroyAll(...clients.map((c) => c.provider));
  });

  it('drops a late echo of a departed client’s state instead of giving it to the echoing socket', async () => {
    const { token, documentId, workspaceId } = await createDocumentFor(server.url);
    const other = await addMember(server.url, token, workspaceId, 'editor', { name: 'Echo' });
    const leaver = await RawYjsClient.open(wsUrl, documentId, token);
    const echoer = await RawYjsClient.open(wsUrl, documentId, other.token);
    leaver.sendAwareness([{ clientId: 501, clock: 3, json: '{"cursor":1}' }]);
    await waitFor(() => echoer.awareness.has(501), 5_000, 'the state at the echoer');
    leaver.close();
    await waitFor(() => !echoer.awareness.has(501), 5_000, 'the removal at the echoer');
    // What a stock client does with a state it received: send it back, same clock.
    echoer.sendAwareness([
      { clientId: 501, clock: 3, json: '{"cursor":1,"user":{"name":"Eigenaar"}}' },
      { clientId: 502, clock: 1, json: '{"cursor":2}' },
    ]);
    expect(await echoer.roundTrip()).toBe(true);
    const joiner = await RawYjsClient.open(wsUrl, documentId, token);
    expect(await snapshotHas(joiner, 502, 501)).toBe(false);
    for (const c of [echoer, joiner]) c.close();
  });

  it('does not resend a state that did not change', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const sender = await RawYjsClient.open(wsUrl, documentId, token);
    const observer = await RawYjsClient.open(wsUrl, documentId, token);
    const seen = recordEntries(observer);
    // Spaced beyond the window and the per-client interval, so only the dedup can merge them.
    for (let clock = 1; clock <= 5; clock++) {
      sender.sendAwareness([{ clientId: 601, clock, json: '{"cursor":7}' }]);
      await pause(130);
    }
    sender.sendAwareness([{ clientId: 601, clock: 6, json: '{"cursor":8}' }]);
    await waitFor(() => observer.awareness.get(601)?.includes('"cursor":8') === true, 5_000, 'the changed state');
    expect(seen.filter(([id]) => id === 601).map(([, json]) => JSON.parse(json).cursor)).toEqual([7, 8]);
    for (const c of [sender, observer]) c.close();
  });

  it('caps one client’s flood of cursor moves near 10 per second; the others’ still arrive', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const flooder = await RawYjsClient.open(wsUrl, documentId, token);
    const calm = await RawYjsClient.open(wsUrl, documentId, token);
    const observer = await RawYjsClient.open(wsUrl, documentId, token);
    const seen = recordEntries(observer);
    const started = Date.now();
    for (let clock = 1; clock <= 100; clock++) {
      flooder.sendAwareness([{ clientId: 701, clock, json: `{"cursor":${clock}}` }]);
      if (clock % 20 === 0) calm.sendAwareness([{ clientId: 702, clock, json: `{"cursor":${clock}}` }]);
      await pause(5);
    }
    await waitFor(() => observer.awareness.get(701)?.startsWith('{"cursor":100,') === true, 5_000, 'the final move');
    await waitFor(() => observer.awareness.get(702)?.startsWith('{"cursor":100,') === true, 5_000, 'the calm client’s last move');
    const elapsedMs = Date.now() - started;
    const flood = seen.filter(([id]) => id === 701);
    // Latest state wins: what arrives ends with the last move, in order.
    expect(JSON.parse(flood.at(-1)![1]).cursor).toBe(100);
    const cursors = flood.map(([, json]) => JSON.parse(json).cursor as number);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(flood.length).toBeGreaterThanOrEqual(3);
    expect(flood.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 2);
    expect(seen.filter(([id]) => id === 702).length).toBeGreaterThanOrEqual(2);
    for (const c of [flooder, calm, observer]) c.close();
  });

  it('closes a socket whose message has one bad state among good ones, and relays none of it', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const honest = await RawYjsClient.open(wsUrl, documentId, token);
    honest.sendAwareness([{ clientId: 803, clock: 1, json: '{"cursor":3}' }]);
    const sender = await RawYjsClient.open(wsUrl, documentId, token);
    sender.sendAwareness([
      { clientId: 801, clock: 1, json: '{"cursor":1}' },
      { clientId: 802, clock: 1, json: '{"cursor":' },
    ]);
    expect(await sender.closeCode()).toBe(CloseCode.invalidPayload);
    const joiner = await RawYjsClient.open(wsUrl, documentId, token);
    expect(await snapshotHas(joiner, 803, 801)).toBe(false);
    for (const c of [honest, joiner]) c.close();
  });
});
