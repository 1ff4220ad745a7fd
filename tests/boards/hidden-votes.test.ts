/**
 * Hidden voting over the real sync socket (issue 16): while the facilitator hides the votes
 * each person's dots live on their own ballot (`<boardId>/ballot`), so a raw participant
 * client never receives anyone else's vote — checked on every frame it gets — while owners
 * see the counts through the API. At reveal the server moves every ballot onto the board
 * and everyone converges. Exports and drafts count only what the reader may know.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import * as Y from 'yjs';
import * as ops from '../../client/src/board/board-doc';
import { ballotRoomName, readHonestBoard } from '../../shared/board';
import { addMember, call, createDocumentFor, registerUser, type TestUser } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startTestServer } from '../helpers/server';
import { FrameLog } from './frame-log';

let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(() => server.close());

/** A board with one column and two cards, three participants, and the votes hidden. */
async function hiddenBoard() {
  const board = await createDocumentFor(server.url, { kind: 'board', title: 'Atelier' });
  const alice = await addMember(server.url, board.token, board.workspaceId, 'participant', { name: 'Alice' });
  const bob = await addMember(server.url, board.token, board.workspaceId, 'participant', { name: 'Bob' });
  const mallory = await addMember(server.url, board.token, board.workspaceId, 'participant', { name: 'Mallory' });
  const owner = connectClient(wsUrl, board.documentId, { token: board.token });
  await synced(owner.provider);
  const column = ops.addColumn(owner.doc, 'Ideeën');
  const first = ops.addCard(owner.doc, { columnId: column, text: 'Een stedenfonds', authorId: board.userId, order: 'a0' });
  const second = ops.addCard(owner.doc, { columnId: column, text: 'Gedeelde HR', authorId: board.userId, order: 'a1' });
  ops.setVotesHidden(owner.doc, true);
  // Stored and broadcast in order: once the owner's own state comes back through a second client, the server has it.
  const check = connectClient(wsUrl, board.documentId, { token: board.token });
  await synced(check.provider);
  await waitFor(() => check.doc.getMap('meta').get('votesHidden') === true, 5_000, 'hidden');
  check.provider.destroy();
  return { board, owner, first, second, alice, bob, mallory };
}

/** A person's board and ballot, as the web client opens them. */
async function voter(boardId: string, user: TestUser) {
  const board = connectClient(wsUrl, boardId, { token: user.token });
  const ballot = connectClient(wsUrl, ballotRoomName(boardId), { token: user.token });
  await Promise.all([synced(board.provider), synced(ballot.provider)]);
  await waitFor(() => board.doc.getMap('meta').get('votesHidden') === true, 5_000, 'hidden on the voter');
  return { board, ballot, destroy: () => destroyAll(board.provider, ballot.provider) };
}

const votesOf = (token: string, boardId: string) => call(server.url, 'GET', `/api/documents/${boardId}/votes`, { token });

/** Whether `text` is anywhere in the document's whole state (every item, key and value). */
const stateMentions = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'));

describe('hidden voting', () => {
  it("never sends a raw participant anyone else's vote; owners see the counts; after the reveal everyone converges", async () => {
    const { board, owner, first, second, alice, bob, mallory } = await hiddenBoard();
    const a = await voter(board.documentId, alice);
    // One vote before the spy connects (its first sync must not carry it) and more after.
    expect(ops.vote(a.board.doc, first, alice.user.id, a.ballot.doc)).toBe(true);
    await expect.poll(async () => (await votesOf(board.token, board.documentId)).body.totals?.[first], { timeout: 5_000 }).toBe(1);
    const spy = await RawYjsClient.open(wsUrl, board.documentId, mallory.token);
    const spyBallot = await RawYjsClient.open(wsUrl, ballotRoomName(board.documentId), mallory.token);
    const log = new FrameLog([spy, spyBallot]);
    const b = await voter(board.documentId, bob);
    expect(ops.vote(a.board.doc, first, alice.user.id, a.ballot.doc)).toBe(true);
    expect(ops.vote(b.board.doc, second, bob.user.id, b.ballot.doc)).toBe(true);
    // Nothing went onto the shared board; the voter's own count comes from the ballot.
    expect(ops.ownVotes(a.board.doc, first, alice.user.id)).toBe(0);
    expect(ops.ownVotes(a.board.doc, first, alice.user.id, a.ballot.doc)).toBe(2);

    // Owners see the counts (and this is the barrier: the server holds both ballots).
    await expect.poll(async () => (await votesOf(board.token, board.documentId)).body.totals, { timeout: 5_000 }).toEqual({ [first]: 2, [second]: 1 });
    expect((await votesOf(alice.token, board.documentId)).body).toEqual({ hidden: true, votesPerPerson: 5, mine: { [first]: 2 }, totals: null });
    expect((await votesOf(mallory.token, board.documentId)).body.totals).toBeNull();

    // Same-socket barriers: everything the server sent the spy so far has arrived.
    expect(await spy.roundTrip()).toBe(true);
    expect(await spyBallot.roundTrip()).toBe(true);
    expect(log.frames.length).toBeGreaterThan(0);
    for (const voterId of [alice.user.id, bob.user.id]) {
      expect(log.syncFramesMentioning(voterId)).toEqual([]);
      expect(stateMentions(spy.doc, voterId)).toBe(false);
      expect(stateMentions(spyBallot.doc, voterId)).toBe(false);
      // Owners' board sockets get no votes either: owners read the counts from the API.
      expect(stateMentions(owner.doc, voterId)).toBe(false);
    }
    expect(spyBallot.doc.getMap('votes').size).toBe(0);

    ops.setVotesHidden(owner.doc, false);
    const everyone = new Set([alice.user.id, bob.user.id, mallory.user.id]);
    const counts = (doc: Y.Doc) => Object.fromEntries(readHonestBoard(doc, everyone).columns[0]!.cards.map((c) => [c.id, c.votes]));
    for (const doc of [spy.doc, owner.doc, a.board.doc, b.board.doc]) {
      await waitFor(() => counts(doc)[first] === 2 && counts(doc)[second] === 1, 5_000, 'revealed votes');
    }
    await waitFor(() => a.ballot.doc.getMap('votes').size === 0 && b.ballot.doc.getMap('votes').size === 0, 5_000, 'ballots emptied');
    // Converged: one state everywhere, and the voters' own counts unchanged by the move.
    expect(await spy.roundTrip()).toBe(true);
    const state = Y.encodeStateVector(owner.doc);
    for (const doc of [spy.doc, a.board.doc, b.board.doc]) expect(Y.encodeStateVector(doc)).toEqual(state);
    expect(ops.ownVotes(a.board.doc, first, alice.user.id, a.ballot.doc)).toBe(2);
    // Later votes go straight onto the board again, and the server takes them.
    expect(ops.vote(a.board.doc, second, alice.user.id, a.ballot.doc)).toBe(true);
    await waitFor(() => counts(owner.doc)[second] === 2, 5_000, 'a public vote after the reveal');
    expect((await votesOf(mallory.token, board.documentId)).body.totals).toEqual({ [first]: 2, [second]: 2 });

    spy.close();
    spyBallot.close();
    a.destroy();
    b.destroy();
    owner.provider.destroy();
  });

  it('keeps a participant within the allowance across the board and the ballot, and lets them take votes back', async () => {
    const { board, owner, first, second, alice } = await hiddenBoard();
    ops.setVotesHidden(owner.doc, false);
    ops.setVotesPerPerson(owner.doc, 3);
    const open = connectClient(wsUrl, board.documentId, { token: alice.token });
    const ballot = connectClient(wsUrl, ballotRoomName(board.documentId), { token: alice.token });
    await Promise.all([synced(open.provider), synced(ballot.provider)]);
    await waitFor(() => open.doc.getMap('meta').get('votesPerPerson') === 3 && open.doc.getMap('meta').get('votesHidden') === false, 5_000, 'allowance');
    // Two public dots before the votes are hidden…
    ops.vote(open.doc, first, alice.user.id, ballot.doc);
    ops.vote(open.doc, first, alice.user.id, ballot.doc);
    await waitFor(() => ops.ownVotes(owner.doc, first, alice.user.id) === 2, 5_000, 'public votes');
    ops.setVotesHidden(owner.doc, true);
    await waitFor(() => open.doc.getMap('meta').get('votesHidden') === true, 5_000, 'hidden');
    // …then one left: the ballot counts the board's dots where it has no entry of its own.
    expect(ops.vote(open.doc, second, alice.user.id, ballot.doc)).toBe(true);
    expect(ops.vote(open.doc, second, alice.user.id, ballot.doc)).toBe(false);
    ops.unvote(open.doc, first, alice.user.id, ballot.doc);
    expect(ops.votesUsed(open.doc, alice.user.id, ballot.doc)).toBe(2);
    await expect.poll(async () => (await votesOf(board.token, board.documentId)).body.totals, { timeout: 5_000 }).toEqual({ [first]: 1, [second]: 1 });
    // The board still shows the two dots cast in the open; the change waits for the reveal.
    expect(ops.ownVotes(owner.doc, first, alice.user.id)).toBe(2);
    ops.setVotesHidden(owner.doc, false);
    await waitFor(() => ops.ownVotes(owner.doc, first, alice.user.id) === 1 && ops.ownVotes(owner.doc, second, alice.user.id) === 1, 5_000, 'reveal');
    destroyAll(open.provider, ballot.provider, owner.provider);
  });

  it("counts hidden votes in owners' exports only, refuses a draft until the reveal, and clears every ballot on 'Stemmen wissen'", async () => {
    const { board, owner, first, alice, mallory } = await hiddenBoard();
    const a = await voter(board.documentId, alice);
    ops.vote(a.board.doc, first, alice.user.id, a.ballot.doc);
    await expect.poll(async () => (await votesOf(board.token, board.documentId)).body.totals?.[first], { timeout: 5_000 }).toBe(1);
    const exported = (token: string, format: string) => call(server.url, 'GET', `/api/documents/${board.documentId}/export?format=${format}`, { token });
    const votesIn = (res: { body: { columns: { cards: { id: string; votes: number }[] }[] } }) => res.body.columns[0]!.cards.find((c) => c.id === first)!.votes;
    expect(votesIn(await exported(board.token, 'json'))).toBe(1);
    expect(votesIn(await exported(mallory.token, 'json'))).toBe(0);
    expect(votesIn(await exported(alice.token, 'json'))).toBe(0);
    expect(await exported(board.token, 'markdown')).toMatchObject({ status: 200, body: expect.stringContaining('1 stem') });
    expect(await exported(mallory.token, 'markdown')).toMatchObject({ status: 200, body: expect.not.stringContaining('1 stem') });
    // Word goes through its own path (server/downloads): an owner's counts the ballots there too.
    const docxText = async (token: string) => {
      const res = await fetch(`${server.url}/api/documents/${board.documentId}/export?format=docx`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) })).value;
    };
    expect(await docxText(board.token)).toContain('1 stem');
    expect(await docxText(mallory.token)).not.toContain('1 stem');

    const draft = await call(server.url, 'POST', `/api/documents/${board.documentId}/draft`, { token: board.token, body: {} });
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('votes_hidden');

    expect((await call(server.url, 'DELETE', `/api/documents/${board.documentId}/votes`, { token: alice.token })).status).toBe(403);
    // Outside the workspace, or signed out: nothing to read or clear.
    const outsider = await registerUser(server.url);
    for (const method of ['GET', 'DELETE'] as const) {
      expect((await call(server.url, method, `/api/documents/${board.documentId}/votes`, { token: outsider.token })).status).toBe(404);
      expect((await call(server.url, method, `/api/documents/${board.documentId}/votes`)).status).toBe(401);
    }
    expect((await call(server.url, 'DELETE', `/api/documents/${board.documentId}/votes`, { token: board.token })).status).toBe(204);
    await waitFor(() => a.ballot.doc.getMap('votes').size === 0, 5_000, 'ballot cleared');
    expect(Object.values((await votesOf(board.token, board.documentId)).body.totals)).toEqual([0, 0]);
    ops.setVotesHidden(owner.doc, false);
    await expect.poll(async () => (await votesOf(alice.token, board.documentId)).body.hidden, { timeout: 5_000 }).toBe(false);
    const made = await call(server.url, 'POST', `/api/documents/${board.documentId}/draft`, { token: board.token, body: {} });
    expect(made.status).toBe(201);
    a.destroy();
    owner.provider.destroy();
  });
});
