import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as ops from '../../client/src/board/board-doc';
import { boardRuleCloseReason, type BoardRuleCode } from '../../shared/board-rules';
import { CloseCode } from '../../shared/protocol';
import { addMember, call, type TestUser } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { boardFixture, change } from './board-fixture';

/**
 * Board rules enforced by the server (issue #11, item 5; CONTRACT §3): every forbidden change
 * a raw client makes is refused with 4403, nothing of it is applied, and the export never
 * counts it. The allowed ones (own card, own votes within the allowance) still go through.
 */
const f = boardFixture();
let alice: TestUser; // participant, author of a card
let mallory: TestUser; // participant, the attacker
let aliceCard: string;
let column: string;

beforeAll(async () => {
  alice = await addMember(f.server.url, f.board.token, f.board.workspaceId, 'participant', { name: 'Alice' });
  mallory = await addMember(f.server.url, f.board.token, f.board.workspaceId, 'participant', { name: 'Mallory' });
  const owner = connectClient(f.wsUrl, f.board.documentId, { token: f.board.token });
  await synced(owner.provider);
  column = ops.addColumn(owner.doc, 'Ideeën');
  owner.doc.getMap('meta').set('votesPerPerson', 3);
  const a = connectClient(f.wsUrl, f.board.documentId, { token: alice.token });
  await synced(a.provider);
  await waitFor(() => a.doc.getArray('columns').length === 1, 5_000, 'column');
  aliceCard = ops.addCard(a.doc, { columnId: column, text: 'Van Alice', authorId: alice.user.id, order: 1 });
  await waitFor(() => owner.doc.getMap('cards').has(aliceCard), 5_000, 'card');
  owner.provider.destroy();
  a.provider.destroy();
});

async function exported() {
  const res = await call(f.server.url, 'GET', `/api/documents/${f.board.documentId}/export?format=json`, { token: f.board.token });
  expect(res.status).toBe(200);
  return res.body as { columns: { cards: { id: string; text: string; authorId: string; votes: number }[] }[] };
}

const forbidden: Array<[string, BoardRuleCode, (doc: Y.Doc) => void]> = [
  ['unlock or change the settings', 'facilitator_only', (d) => d.getMap('meta').set('votesPerPerson', 1000)],
  ['add a column', 'facilitator_only', (d) => void ops.addColumn(d, 'Van Mallory')],
  ["add a card under someone else's name", 'wrong_author', (d) => void ops.addCard(d, { columnId: column, text: 'vals', authorId: alice.user.id, order: 2 })],
  ["rewrite someone else's card", 'not_author', (d) => ops.editCard(d, aliceCard, { text: 'herschreven' })],
  ["move someone else's card", 'not_author', (d) => ops.moveCard(d, aliceCard, column, 99)],
  ["delete someone else's card", 'not_author', (d) => ops.deleteCard(d, aliceCard)],
  ["vote under someone else's id", 'not_own_vote', (d) => (d.getMap('cards').get(aliceCard) as Y.Map<Y.Map<number>>).get('votes')!.set(alice.user.id, 3)],
  ['vote over the allowance', 'over_allowance', (d) => (d.getMap('cards').get(aliceCard) as Y.Map<Y.Map<number>>).get('votes')!.set(mallory.user.id, 4)],
  ['cast a fractional vote', 'bad_vote', (d) => (d.getMap('cards').get(aliceCard) as Y.Map<Y.Map<number>>).get('votes')!.set(mallory.user.id, 0.5)],
  ["replace a card's votes", 'not_author', (d) => (d.getMap('cards').get(aliceCard) as Y.Map<unknown>).set('votes', new Y.Map())],
  ['write a text fragment into the board', 'facilitator_only', (d) => d.getXmlFragment('default').insert(0, [new Y.XmlText('x')])],
];

describe('board rules on the server', () => {
  it.each(forbidden)('refuses a participant who tries to %s (4403 naming rule %s, nothing applied)', async (_name, rule, edit) => {
    const before = await exported();
    const raw = await f.open(mallory);
    change(raw, edit);
    expect(await raw.closeCode()).toBe(CloseCode.forbidden);
    // A code the client words itself; the server's English explanation stays in its log.
    expect(raw.closed!.reason).toBe(boardRuleCloseReason(rule));
    const fresh = await f.open(mallory);
    expect(fresh.doc.getMap('meta').get('votesPerPerson')).toBe(3);
    expect(await exported()).toEqual(before);
  });

  it('lets a participant add, edit and vote on their own card within the allowance', async () => {
    const raw = await f.open(mallory);
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
    const owner = await f.open(f.board);
    change(owner, (d) => d.getMap('meta').set('locked', true));
    expect(await owner.roundTrip()).toBe(true);
    const raw = await f.open(mallory);
    change(raw, (d) => void ops.addCard(d, { columnId: column, text: 'te laat', authorId: mallory.user.id, order: 4 }));
    expect(await raw.closeCode()).toBe(CloseCode.forbidden);
    expect(raw.closed!.reason).toBe(boardRuleCloseReason('locked'));
    change(owner, (d) => ops.editCard(d, aliceCard, { text: 'Van Alice (bewerkt door begeleider)' }));
    change(owner, (d) => d.getMap('meta').set('locked', false));
    expect(await owner.roundTrip()).toBe(true);
    const cards = (await exported()).columns[0]!.cards;
    expect(cards.map((c) => c.text)).toEqual(['Van Alice (bewerkt door begeleider)']);
  });
});
