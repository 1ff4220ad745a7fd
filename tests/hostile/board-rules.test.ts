import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as ops from '../../client/src/board/board-doc';
import { CloseCode } from '../../shared/protocol';
import { addMember, call, createDocumentFor, type TestUser } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startTestServer } from '../helpers/server';

/**
 * Board rules enforced by the server (issue #11, item 5; CONTRACT §3): every forbidden change
 * a raw client makes is refused with 4403, nothing of it is applied, and the export never
 * counts it. The allowed ones (own card, own votes within the allowance) still go through.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;
let board: { token: string; documentId: string; workspaceId: string; userId: string };
let alice: TestUser; // participant, author of a card
let mallory: TestUser; // participant, the attacker
let aliceCard: string;
let column: string;
const raws: RawYjsClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  board = await createDocumentFor(server.url, { kind: 'board', title: 'Bord' });
  alice = await addMember(server.url, board.token, board.workspaceId, 'participant', { name: 'Alice' });
  mallory = await addMember(server.url, board.token, board.workspaceId, 'participant', { name: 'Mallory' });
  const owner = connectClient(wsUrl, board.documentId, { token: board.token });
  await synced(owner.provider);
  column = ops.addColumn(owner.doc, 'Ideeën');
  owner.doc.getMap('meta').set('votesPerPerson', 3);
  const a = connectClient(wsUrl, board.documentId, { token: alice.token });
  await synced(a.provider);
  await waitFor(() => a.doc.getArray('columns').length === 1, 5_000, 'column');
  aliceCard = ops.addCard(a.doc, { columnId: column, text: 'Van Alice', authorId: alice.user.id, order: 1 });
  await waitFor(() => owner.doc.getMap('cards').has(aliceCard), 5_000, 'card');
  owner.provider.destroy();
  a.provider.destroy();
});
afterAll(async () => {
  for (const r of raws) r.close();
  await server.close();
});

async function as(user: { token: string }): Promise<RawYjsClient> {
  const c = await RawYjsClient.open(wsUrl, board.documentId, user.token);
  raws.push(c);
  return c;
}

/** Makes a change on the client's copy and sends exactly that change. */
function change(client: RawYjsClient, edit: (doc: Y.Doc) => void): void {
  const before = Y.encodeStateVector(client.doc);
  edit(client.doc);
  client.sendUpdate(Y.encodeStateAsUpdate(client.doc, before));
}

async function exported() {
  const res = await call(server.url, 'GET', `/api/documents/${board.documentId}/export?format=json`, { token: board.token });
  expect(res.status).toBe(200);
  return res.body as { columns: { cards: { id: string; text: string; authorId: string; votes: number }[] }[] };
}

const forbidden: Array<[string, (doc: Y.Doc) => void]> = [
  ['unlock or change the settings', (d) => d.getMap('meta').set('votesPerPerson', 1000)],
  ['add a column', (d) => void ops.addColumn(d, 'Van Mallory')],
  ["add a card under someone else's name", (d) => void ops.addCard(d, { columnId: column, text: 'vals', authorId: alice.user.id, order: 2 })],
  ["rewrite someone else's card", (d) => ops.editCard(d, aliceCard, { text: 'herschreven' })],
  ["move someone else's card", (d) => ops.moveCard(d, aliceCard, column, 99)],
  ["delete someone else's card", (d) => ops.deleteCard(d, aliceCard)],
  ["vote under someone else's id", (d) => (d.getMap('cards').get(aliceCard) as Y.Map<Y.Map<number>>).get('votes')!.set(alice.user.id, 3)],
  ['vote over the allowance', (d) => (d.getMap('cards').get(aliceCard) as Y.Map<Y.Map<number>>).get('votes')!.set(mallory.user.id, 4)],
  ['cast a fractional vote', (d) => (d.getMap('cards').get(aliceCard) as Y.Map<Y.Map<number>>).get('votes')!.set(mallory.user.id, 0.5)],
  ["replace a card's votes", (d) => (d.getMap('cards').get(aliceCard) as Y.Map<unknown>).set('votes', new Y.Map())],
  ['write a text fragment into the board', (d) => d.getXmlFragment('default').insert(0, [new Y.XmlText('x')])],
];

describe('board rules on the server', () => {
  it.each(forbidden)('refuses a participant who tries to %s (4403, nothing applied)', async (_name, edit) => {
    const before = await exported();
    const raw = await as(mallory);
    change(raw, edit);
    expect(await raw.closeCode()).toBe(CloseCode.forbidden);
    const fresh = await as(mallory);
    expect(fresh.doc.getMap('meta').get('votesPerPerson')).toBe(3);
    expect(await exported()).toEqual(before);
  });

  it('lets a participant add, edit and vote on their own card within the allowance', async () => {
    const raw = await as(mallory);
    let mine = '';
    change(raw, (d) => (mine = ops.addCard(d, { columnId: column, text: 'Van Mallory', authorId: mallory.user.id, order: 3 })));
    expect(await raw.roundTrip()).toBe(true);
    change(raw, (d) => ops.editCard(d, mine, { text: 'Bijgewerkt' }));
    change(raw, (d) => ops.vote(d, aliceCard, mallory.user.id));
    change(raw, (d) => ops.vote(d, mine, mallory.user.id));
    expect(await raw.roundTrip()).toBe(true);
    const cards = (await exported()).columns[0]!.cards;
    expect(cards.find((c) => c.id === mine)).toMatchObject({ text: 'Bijgewerkt', votes: 1, authorId: mallory.user.id });
    expect(cards.find((c) => c.id === aliceCard)).toMatchObject({ text: 'Van Alice', votes: 1 });
    change(raw, (d) => ops.deleteCard(d, mine));
    expect(await raw.roundTrip()).toBe(true);
  });

  it('refuses every change of a participant while the board is locked; the owner still changes it', async () => {
    const owner = await as(board);
    change(owner, (d) => d.getMap('meta').set('locked', true));
    expect(await owner.roundTrip()).toBe(true);
    const raw = await as(mallory);
    change(raw, (d) => void ops.addCard(d, { columnId: column, text: 'te laat', authorId: mallory.user.id, order: 4 }));
    expect(await raw.closeCode()).toBe(CloseCode.forbidden);
    change(owner, (d) => ops.editCard(d, aliceCard, { text: 'Van Alice (bewerkt door begeleider)' }));
    change(owner, (d) => d.getMap('meta').set('locked', false));
    expect(await owner.roundTrip()).toBe(true);
    const cards = (await exported()).columns[0]!.cards;
    expect(cards.map((c) => c.text)).toEqual(['Van Alice (bewerkt door begeleider)']);
  });
});
