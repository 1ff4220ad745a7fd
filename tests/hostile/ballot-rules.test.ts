import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as ops from '../../client/src/board/board-doc';
import { ballotRoomName } from '../../shared/board';
import { CloseCode } from '../../shared/protocol';
import { addMember, call, createDocumentFor, type TestUser } from '../helpers/api';
import { connectClient, synced } from '../helpers/clients';
import { openRawSocket } from '../helpers/raw-socket';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { boardFixture, change } from './board-fixture';

/**
 * Hidden voting against a hand-made client (issue 16): while the votes are hidden nobody
 * writes a vote onto the shared board, and a ballot takes only its owner's whole-number
 * dots within the allowance, never while the board is locked, never from a read-only role.
 * Every refusal closes with 4403 and applies nothing; nobody can reach another's ballot.
 */
const f = boardFixture();
let mallory: TestUser;
let viewer: TestUser;
let owner: { doc: Y.Doc; provider: { destroy(): void } };
let card: string;

beforeAll(async () => {
  mallory = await addMember(f.server.url, f.board.token, f.board.workspaceId, 'participant', { name: 'Mallory' });
  viewer = await addMember(f.server.url, f.board.token, f.board.workspaceId, 'viewer', { name: 'Lezer' });
  owner = connectClient(f.wsUrl, f.board.documentId, { token: f.board.token });
  await synced(owner.provider as never);
  const column = ops.addColumn(owner.doc, 'Ideeën');
  card = ops.addCard(owner.doc, { columnId: column, text: 'Van de begeleider', authorId: f.board.userId, order: 'a0' });
  ops.setVotesPerPerson(owner.doc, 3);
  ops.setVotesHidden(owner.doc, true);
  // The settings are on the server before any attack.
  await vi.waitFor(async () => expect(await metaOnServer('votesHidden')).toBe(true), { timeout: 5_000, interval: 20 });
});
afterAll(() => owner.provider.destroy());

/** A meta field as a fresh connection gets it from the server. */
async function metaOnServer(key: string): Promise<unknown> {
  const c = await RawYjsClient.open(f.wsUrl, f.board.documentId, f.board.token);
  c.close();
  return c.doc.getMap('meta').get(key);
}

const totals = async () => (await call(f.server.url, 'GET', `/api/documents/${f.board.documentId}/votes`, { token: f.board.token })).body.totals as Record<string, number>;

const forbiddenBallots: Array<[string, (doc: Y.Doc) => void]> = [
  ['more dots than the allowance', (d) => d.getMap('votes').set(card, 4)],
  ['a fractional vote', (d) => d.getMap('votes').set(card, 0.5)],
  ['a negative vote', (d) => d.getMap('votes').set(card, -1)],
  ['a text instead of a number', (d) => d.getMap('votes').set(card, '3')],
  ['a nested map as a vote', (d) => d.getMap('votes').set(card, new Y.Map())],
  ['another root in the ballot', (d) => d.getText('notes').insert(0, 'x')],
  ['list content in the votes root', (d) => d.getArray('votes').insert(0, [1])],
];

describe('hidden voting against raw clients', () => {
  it('refuses a vote written onto the shared board while hidden (4403), and applies nothing', async () => {
    const raw = await f.open(mallory);
    change(raw, (d) => ((d.getMap('cards').get(card) as Y.Map<unknown>).get('votes') as Y.Map<number>).set(mallory.user.id, 1));
    expect(await raw.closeCode()).toBe(CloseCode.forbidden);
    const fresh = await f.open(f.board);
    expect(ops.ownVotes(fresh.doc, card, mallory.user.id)).toBe(0);
    expect(await totals()).toEqual({ [card]: 0 });
  });

  for (const [what, edit] of forbiddenBallots) {
    it(`refuses ${what} on a ballot (4403), and applies nothing`, async () => {
      const raw = await f.open(mallory, ballotRoomName(f.board.documentId));
      change(raw, edit);
      expect(await raw.closeCode()).toBe(CloseCode.forbidden);
      const again = await f.open(mallory, ballotRoomName(f.board.documentId));
      expect(Y.encodeStateVector(again.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
      expect(await totals()).toEqual({ [card]: 0 });
    });
  }

  it("takes the ballot's owner's dots within the allowance, but none while the board is locked (owners excepted)", async () => {
    const raw = await f.open(mallory, ballotRoomName(f.board.documentId));
    change(raw, (d) => d.getMap('votes').set(card, 3));
    expect(await raw.roundTrip()).toBe(true);
    expect(await totals()).toEqual({ [card]: 3 });

    ops.setLocked(owner.doc, true);
    await expect.poll(() => metaOnServer('locked'), { timeout: 5_000 }).toBe(true);
    change(raw, (d) => d.getMap('votes').set(card, 2));
    expect(await raw.closeCode()).toBe(CloseCode.forbidden);
    const facilitator = await f.open(f.board, ballotRoomName(f.board.documentId));
    change(facilitator, (d) => d.getMap('votes').set(card, 1));
    expect(await facilitator.roundTrip()).toBe(true);
    expect(await totals()).toEqual({ [card]: 4 });
    ops.setLocked(owner.doc, false);
  });

  it("drops a viewer's ballot writes without applying them", async () => {
    const raw = await f.open(viewer, ballotRoomName(f.board.documentId));
    change(raw, (d) => d.getMap('votes').set(card, 1));
    expect(await raw.roundTrip()).toBe(true);
    const again = await f.open(viewer, ballotRoomName(f.board.documentId));
    expect(again.doc.getMap('votes').size).toBe(0);
    const mine = await call(f.server.url, 'GET', `/api/documents/${f.board.documentId}/votes`, { token: viewer.token });
    expect(mine.body).toMatchObject({ hidden: true, mine: {}, totals: null });
  });

  it("lets nobody open someone else's ballot, a ballot of a text document, or one without signing in", async () => {
    const status = (path: string) =>
      openRawSocket(`${f.wsUrl}/${path}`).then(
        (ws) => {
          ws.terminate();
          return 101;
        },
        (err: Error) => Number(/\d{3}/.exec(err.message)?.[0] ?? 0),
      );
    // The server's own name for Mallory's ballot is not a room anyone can ask for.
    expect(await status(`${f.board.documentId}~ballot~${mallory.user.id}?token=${f.board.token}`)).toBe(404);
    expect(await status(`${ballotRoomName(f.board.documentId)}?token=nope`)).toBe(401);
    const note = await call(f.server.url, 'POST', `/api/workspaces/${f.board.workspaceId}/documents`, { token: f.board.token, body: { title: 'Nota', kind: 'note' } });
    expect(await status(`${ballotRoomName(note.body.document.id)}?token=${f.board.token}`)).toBe(404);
    const stranger = await createDocumentFor(f.server.url, { kind: 'board', title: 'Elders' });
    expect(await status(`${ballotRoomName(stranger.documentId)}?token=${mallory.token}`)).toBe(404);
  });
});
