/**
 * Boards at the Yjs level: several stock y-websocket clients against the real server change
 * one board at the same time, with the web client's own board operations, and must end
 * with the same board; the export counts at most votesPerPerson votes per person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startTestServer } from '../helpers/server';
import type { RunningServer } from '../../server/server';
import { addMember, call, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { settled } from '../helpers/barrier';
import * as ops from '../../client/src/board/board-doc';
import { readHonestBoard } from '../../shared/board';

let server: RunningServer;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = server.url.replace('http', 'ws') + '/sync';
});
afterAll(() => server.close());

/** Map keys sorted: a Y.Map's key order is the order each replica happened to learn them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const state = (doc: Y.Doc) => canonical({ columns: doc.getArray('columns').toJSON(), cards: doc.getMap('cards').toJSON(), meta: doc.getMap('meta').toJSON() });

/** Clients connected and synced, and disconnected so their changes pile up as true concurrency. */
async function offlineClients(tokens: string[], documentId: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }[]> {
  const clients = tokens.map((token) => connectClient(wsUrl, documentId, { token }));
  await Promise.all(clients.map((c) => synced(c.provider)));
  for (const c of clients) c.provider.disconnect();
  return clients;
}

/** Waits until the server hands a fresh client a board for which `holds` is true. */
async function serverHas(documentId: string, token: string, holds: (doc: Y.Doc) => boolean): Promise<void> {
  const check = connectClient(wsUrl, documentId, { token });
  try {
    await waitFor(() => holds(check.doc), 10_000, 'the server to have the setup');
  } finally {
    destroyAll(check.provider);
  }
}

async function reconnectAndConverge(clients: { doc: Y.Doc; provider: WebsocketProvider }[]): Promise<void> {
  for (const c of clients) c.provider.connect();
  await waitFor(() => clients.every((c) => c.provider.synced), 10_000, 'resync');
  await waitFor(() => new Set(clients.map((c) => state(c.doc))).size === 1, 10_000, 'convergence');
}

describe('a board edited by several people at once', () => {
  it('converges after concurrent card adds, moves, edits and votes', async () => {
    const { token, documentId, workspaceId, userId } = await createDocumentFor(server.url, { kind: 'board', title: 'Mobiliteit' });
    const others = await Promise.all([1, 2, 3].map(() => addMember(server.url, token, workspaceId, 'participant')));
    const setup = connectClient(wsUrl, documentId, { token });
    await synced(setup.provider);
    const left = ops.addColumn(setup.doc, 'Kansen');
    const right = ops.addColumn(setup.doc, 'Zorgen');
    const shared = ops.addCard(setup.doc, { columnId: left, text: 'Fietsstraten', authorId: userId, order: 1 });
    await serverHas(documentId, token, (d) => d.getMap('cards').has(shared));
    destroyAll(setup.provider);

    const clients = await offlineClients([token, ...others.map((o) => o.token)], documentId);
    const userIds = [userId, ...others.map((o) => o.user.id)];
    clients.forEach((c, i) => {
      const own: string[] = [];
      for (let n = 0; n < 5; n++) own.push(ops.addCard(c.doc, { columnId: n % 2 ? left : right, text: `kaart ${i}-${n}`, authorId: userIds[i]!, order: n }));
      // Everybody votes on the same card at the same time while its author (the owner) moves
      // and recolours it; the others move and recolour their own cards (the board rules).
      ops.vote(c.doc, shared, userIds[i]!);
      const mine = i === 0 ? shared : own[0]!;
      ops.moveCard(c.doc, mine, i % 2 ? left : right, 10 + i);
      ops.editCard(c.doc, mine, { color: ['green', 'blue', 'pink', 'orange'][i]! });
    });
    await reconnectAndConverge(clients);

    const doc = clients[0]!.doc;
    expect(doc.getMap('cards').size).toBe(1 + 4 * 5);
    const card = doc.getMap<Y.Map<unknown>>('cards').get(shared)!;
    // The owner's move and colour hold, and every vote is kept: they touched different keys.
    expect(card.get('columnId')).toBe(right);
    expect(card.get('color')).toBe('green');
    expect((card.get('votes') as Y.Map<number>).size).toBe(4);
    destroyAll(...clients.map((c) => c.provider));
  });

  it('concurrent column moves never show a column twice', async () => {
    const { token, documentId } = await createDocumentFor(server.url, { kind: 'board' });
    const setup = connectClient(wsUrl, documentId, { token });
    await synced(setup.provider);
    const ids = ['A', 'B', 'C'].map((t) => ops.addColumn(setup.doc, t));
    await serverHas(documentId, token, (d) => d.getArray('columns').length === 3);
    destroyAll(setup.provider);
    const clients = await offlineClients([token, token], documentId);
    ops.moveColumn(clients[0]!.doc, ids[0]!, 1);
    ops.moveColumn(clients[1]!.doc, ids[0]!, 1);
    await reconnectAndConverge(clients);
    const board = readHonestBoard(clients[0]!.doc, new Set());
    expect(board.columns.map((c) => c.title).sort()).toEqual(['A', 'B', 'C']);
    destroyAll(...clients.map((c) => c.provider));
  });

  it('counts at most votesPerPerson votes per person, whatever the clients wrote', async () => {
    const { token, documentId, workspaceId, userId } = await createDocumentFor(server.url, { kind: 'board', title: 'Stemmen' });
    const member = await addMember(server.url, token, workspaceId, 'participant');
    const clients = await offlineClients([token, member.token, member.token], documentId);
    const [owner, m1, m2] = clients as [(typeof clients)[0], (typeof clients)[0], (typeof clients)[0]];
    owner.doc.getMap('meta').set('votesPerPerson', 3);
    const col = ops.addColumn(owner.doc, 'Ideeën');
    const first = ops.addCard(owner.doc, { columnId: col, text: 'Eerste', authorId: userId, order: 1 });
    owner.provider.connect();
    m1.provider.connect();
    m2.provider.connect();
    await waitFor(() => clients.every((c) => c.doc.getMap('cards').has(first)), 10_000, 'card everywhere');
    for (const c of [m1, m2]) c.provider.disconnect();
    // Two tabs of one person each think 3 votes are left: 6 placed offline.
    for (let i = 0; i < 3; i++) expect(ops.vote(m1.doc, first, member.user.id)).toBe(true);
    expect(ops.vote(m1.doc, first, member.user.id)).toBe(false);
    const second = ops.addCard(m2.doc, { columnId: col, text: 'Tweede', authorId: member.user.id, order: 2 });
    for (let i = 0; i < 3; i++) ops.vote(m2.doc, second, member.user.id);
    // The facilitator's client writes a vote for someone who is not a member.
    (owner.doc.getMap<Y.Map<unknown>>('cards').get(first)!.get('votes') as Y.Map<number>).set('stranger', 50);
    m1.provider.connect();
    await serverHas(documentId, token, (d) => (d.getMap<Y.Map<unknown>>('cards').get(first)?.get('votes') as Y.Map<number> | undefined)?.get(member.user.id) === 3);
    // The second tab comes back over the allowance: the server refuses all of it (4403).
    const refused = new Promise<number>((resolve) => m2.provider.on('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? -1)));
    m2.provider.connect();
    expect(await refused).toBe(4403);
    m2.provider.destroy();

    const res = await call(server.url, 'GET', `/api/documents/${documentId}/export?format=json`, { token });
    expect(res.status).toBe(200);
    const cards = res.body.columns[0].cards as { text: string; votes: number }[];
    expect(cards).toEqual([expect.objectContaining({ text: 'Eerste', votes: 3 })]);
    destroyAll(owner.provider, m1.provider);
  });

  it('does not let a viewer change the board, while changes by the owner reach the viewer', async () => {
    const { token, documentId, workspaceId } = await createDocumentFor(server.url, { kind: 'board' });
    const viewer = await addMember(server.url, token, workspaceId, 'viewer');
    const owner = connectClient(wsUrl, documentId, { token });
    const v = connectClient(wsUrl, documentId, { token: viewer.token });
    await Promise.all([synced(owner.provider), synced(v.provider)]);
    const column = ops.addColumn(owner.doc, 'Van de eigenaar');
    await waitFor(() => v.doc.getArray('columns').length === 1, 5_000, 'owner column at viewer');

    // A card of their own, as a participant may add: the role, not the board rules, refuses it.
    ops.addCard(v.doc, { columnId: column, text: 'Van de kijker', authorId: viewer.user.id, order: 1 });
    // Barriers on the same sockets, not an order across two: the server has handled the
    // viewer's update, and whatever it broadcast to the owner has arrived.
    await settled(v.provider, owner.provider);
    expect(owner.doc.getMap('cards').size).toBe(0);
    // What the server holds (and stores): the owner's column, no card.
    const check = connectClient(wsUrl, documentId, { token });
    await synced(check.provider);
    expect(readHonestBoard(check.doc, new Set()).columns.map((c) => [c.title, c.cards.length])).toEqual([['Van de eigenaar', 0]]);
    destroyAll(owner.provider, v.provider, check.provider);
  });
});
