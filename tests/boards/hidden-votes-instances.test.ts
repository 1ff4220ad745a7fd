/**
 * Hidden voting behind a load balancer: the voters' ballots live on one instance, the
 * facilitator reveals on another (Redis between them, one data directory). The reveal reads
 * every ballot, moves it onto the board and empties it; both instances' clients converge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as ops from '../../client/src/board/board-doc';
import { ballotRoomName, readHonestBoard } from '../../shared/board';
import { addMember, call, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { TestRedis } from '../helpers/redis';
import { startTestServer, tempDataDir } from '../helpers/server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let redis: TestRedis;
let one: Server;
let two: Server;
const ws = (s: Server) => `ws://127.0.0.1:${s.port}/sync`;

beforeAll(async () => {
  redis = await TestRedis.start();
  const dataDir = tempDataDir();
  one = await startTestServer({ REDIS_URL: redis.url, DATA_DIR: dataDir, INSTANCE_ID: 'one' });
  two = await startTestServer({ REDIS_URL: redis.url, DATA_DIR: dataDir, INSTANCE_ID: 'two' });
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await redis?.kill();
});

describe('hidden voting across instances', () => {
  it('reveals on one instance the ballots cast on the other, and everyone converges', async () => {
    const board = await createDocumentFor(one.url, { kind: 'board', title: 'Atelier' });
    const alice = await addMember(one.url, board.token, board.workspaceId, 'participant', { name: 'Alice' });
    const owner = connectClient(ws(one), board.documentId, { token: board.token });
    await synced(owner.provider);
    const column = ops.addColumn(owner.doc, 'Ideeën');
    const card = ops.addCard(owner.doc, { columnId: column, text: 'Een stedenfonds', authorId: board.userId, order: 'a0' });
    ops.setVotesHidden(owner.doc, true);

    const voterBoard = connectClient(ws(two), board.documentId, { token: alice.token });
    const ballot = connectClient(ws(two), ballotRoomName(board.documentId), { token: alice.token });
    await Promise.all([synced(voterBoard.provider), synced(ballot.provider)]);
    await waitFor(() => voterBoard.doc.getMap('meta').get('votesHidden') === true && voterBoard.doc.getMap('cards').has(card), 5_000, 'hidden board');
    expect(ops.vote(voterBoard.doc, card, alice.user.id, ballot.doc)).toBe(true);
    expect(ops.vote(voterBoard.doc, card, alice.user.id, ballot.doc)).toBe(true);
    // The owner on instance one sees the count of a ballot held on instance two.
    await expect
      .poll(async () => (await call(one.url, 'GET', `/api/documents/${board.documentId}/votes`, { token: board.token })).body.totals?.[card], { timeout: 5_000 })
      .toBe(2);
    expect(ops.ownVotes(owner.doc, card, alice.user.id)).toBe(0);

    ops.setVotesHidden(owner.doc, false);
    const voters = new Set([alice.user.id]);
    const votes = (doc: Y.Doc) => readHonestBoard(doc, voters).columns[0]!.cards[0]!.votes;
    await waitFor(() => votes(owner.doc) === 2 && votes(voterBoard.doc) === 2, 5_000, 'revealed on both instances');
    await waitFor(() => ballot.doc.getMap('votes').size === 0, 5_000, 'ballot emptied across');
    expect(Y.encodeStateVector(voterBoard.doc)).toEqual(Y.encodeStateVector(owner.doc));
    destroyAll(owner.provider, voterBoard.provider, ballot.provider);
  });
});
