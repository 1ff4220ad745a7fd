/**
 * Every change a person can make to a board (CONTRACT §3), as small Yjs transactions.
 * Each one touches as few fields as it can, so concurrent changes by 40 people merge
 * instead of overwriting each other: a move sets only `columnId` and `order`, a vote only
 * that person's entry in the card's `votes` map.
 */
import * as Y from 'yjs';
import {
  BALLOT_VOTES,
  CARD_COLORS,
  CARD_GROUP_FIELD,
  CARD_ORDER_FIELD,
  DEFAULT_VOTES_PER_PERSON,
  readBallot,
  readVotesPerPerson,
  votesHidden,
} from '../../../shared/board';

type YMap = Y.Map<unknown>;

export const columnsOf = (doc: Y.Doc) => doc.getArray<YMap>('columns');
export const cardsOf = (doc: Y.Doc) => doc.getMap<YMap>('cards');
export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>('meta');

function newId(): string {
  return crypto.randomUUID();
}

function columnIndex(doc: Y.Doc, columnId: string): number {
  return columnsOf(doc).toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === columnId);
}

export function addColumn(doc: Y.Doc, title: string): string {
  const id = newId();
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('title', title);
  columnsOf(doc).push([map]);
  return id;
}

export function renameColumn(doc: Y.Doc, columnId: string, title: string): void {
  const i = columnIndex(doc, columnId);
  if (i >= 0) columnsOf(doc).get(i).set('title', title);
}

/**
 * A Y.Array cannot move an element, so the column is re-inserted as a copy. Two people
 * moving the same column at once leave two copies with one id; every reader keeps the
 * first, so the board still shows it once.
 */
export function moveColumn(doc: Y.Doc, columnId: string, delta: -1 | 1): void {
  doc.transact(() => {
    const columns = columnsOf(doc);
    const from = columnIndex(doc, columnId);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= columns.length) return;
    const copy = new Y.Map<unknown>();
    copy.set('id', columnId);
    copy.set('title', columns.get(from).get('title'));
    columns.delete(from, 1);
    columns.insert(to, [copy]);
  });
}

/** Removes the column and its cards (cards left without a column are shown nowhere). */
export function deleteColumn(doc: Y.Doc, columnId: string): void {
  doc.transact(() => {
    const i = columnIndex(doc, columnId);
    if (i >= 0) columnsOf(doc).delete(i, 1);
    for (const [id, card] of cardsOf(doc).entries()) {
      if (card instanceof Y.Map && card.get('columnId') === columnId) cardsOf(doc).delete(id);
    }
  });
}

export function addCard(doc: Y.Doc, input: { columnId: string; text: string; authorId: string; order: string | number }): string {
  const id = newId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    cardsOf(doc).set(id, map);
    map.set('id', id);
    map.set('columnId', input.columnId);
    map.set('text', input.text);
    map.set('color', CARD_COLORS[0]);
    map.set('authorId', input.authorId);
    map.set('createdAt', Date.now());
    map.set(CARD_ORDER_FIELD, input.order);
    map.set('votes', new Y.Map<number>());
  });
  return id;
}

export function editCard(doc: Y.Doc, cardId: string, changes: { text?: string; color?: string }): void {
  const card = cardsOf(doc).get(cardId);
  if (!(card instanceof Y.Map)) return;
  doc.transact(() => {
    if (changes.text !== undefined) card.set('text', changes.text);
    if (changes.color !== undefined) card.set('color', changes.color);
  });
}

export function deleteCard(doc: Y.Doc, cardId: string): void {
  cardsOf(doc).delete(cardId);
}

/** Puts the card into `columnId` at `order` (see card-order.ts). */
export function moveCard(doc: Y.Doc, cardId: string, columnId: string, order: string | number): void {
  const card = cardsOf(doc).get(cardId);
  if (!(card instanceof Y.Map)) return;
  doc.transact(() => {
    if (card.get('columnId') !== columnId) card.set('columnId', columnId);
    card.set(CARD_ORDER_FIELD, order);
  });
}

function votesMap(doc: Y.Doc, cardId: string): Y.Map<unknown> | null {
  const card = cardsOf(doc).get(cardId);
  const votes = card instanceof Y.Map ? card.get('votes') : null;
  if (votes instanceof Y.Map) return votes;
  if (!(card instanceof Y.Map)) return null;
  const fresh = new Y.Map<unknown>();
  card.set('votes', fresh);
  return fresh;
}

/** The person's hidden votes (shared/board.ts): card id → their whole count on the card. */
export const ballotVotesOf = (ballot: Y.Doc) => ballot.getMap<unknown>(BALLOT_VOTES);

function publicVotes(doc: Y.Doc, cardId: string, userId: string): number {
  const card = cardsOf(doc).get(cardId);
  const votes: unknown = card instanceof Y.Map ? card.get('votes') : null;
  const n: unknown = votes instanceof Y.Map ? votes.get(userId) : 0;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

/** The caller's own votes on a card: their ballot's entry while it has one, else the board's (non-numbers count as none). */
export function ownVotes(doc: Y.Doc, cardId: string, userId: string, ballot?: Y.Doc | null): number {
  const entry = ballot ? readBallot(ballot).get(cardId) : undefined;
  return entry ?? publicVotes(doc, cardId, userId);
}

/** Votes the person has placed on cards that are on the board (cards in deleted columns give theirs back). */
export function votesUsed(doc: Y.Doc, userId: string, ballot?: Y.Doc | null): number {
  const columnIds = new Set(columnsOf(doc).toArray().map((m) => (m instanceof Y.Map ? m.get('id') : null)));
  let used = 0;
  for (const [id, card] of cardsOf(doc).entries()) {
    if (card instanceof Y.Map && columnIds.has(card.get('columnId'))) used += ownVotes(doc, id, userId, ballot);
  }
  return used;
}

/**
 * Where the person's vote on this card goes: their ballot while the votes are hidden, and
 * also while the ballot still holds an entry for the card (just revealed, the server has not
 * moved it to the board yet: writing the board then would be overwritten by that move).
 */
function onBallot(doc: Y.Doc, cardId: string, ballot: Y.Doc | null | undefined): Y.Doc | null {
  if (!ballot) return null;
  return votesHidden(doc) || ballotVotesOf(ballot).has(cardId) ? ballot : null;
}

/** Sets the person's count on a card, on the ballot or on the board. False: nowhere to put it. */
function setOwnVotes(doc: Y.Doc, cardId: string, userId: string, n: number, ballot: Y.Doc | null | undefined): boolean {
  const target = onBallot(doc, cardId, ballot);
  if (target) {
    // An entry equal to the board's own says nothing: leave the board's to count.
    if (n === publicVotes(doc, cardId, userId)) ballotVotesOf(target).delete(cardId);
    else ballotVotesOf(target).set(cardId, n);
    return true;
  }
  if (votesHidden(doc)) return false;
  const votes = votesMap(doc, cardId);
  if (!votes) return false;
  if (n > 0) votes.set(userId, n);
  else votes.delete(userId);
  return true;
}

/** Places one vote when the person has one left; the limit is enforced here and again in counting and on the server. */
export function vote(doc: Y.Doc, cardId: string, userId: string, ballot?: Y.Doc | null): boolean {
  if (!(cardsOf(doc).get(cardId) instanceof Y.Map)) return false;
  if (votesUsed(doc, userId, ballot) >= readVotesPerPerson(doc)) return false;
  return setOwnVotes(doc, cardId, userId, ownVotes(doc, cardId, userId, ballot) + 1, ballot);
}

export function unvote(doc: Y.Doc, cardId: string, userId: string, ballot?: Y.Doc | null): void {
  const current = ownVotes(doc, cardId, userId, ballot);
  if (current > 0) setOwnVotes(doc, cardId, userId, current - 1, ballot);
}

export function setLocked(doc: Y.Doc, locked: boolean): void {
  metaOf(doc).set('locked', locked);
}

export function setVotesPerPerson(doc: Y.Doc, n: number): void {
  metaOf(doc).set('votesPerPerson', Number.isInteger(n) && n >= 0 ? n : DEFAULT_VOTES_PER_PERSON);
}

export function setTimer(doc: Y.Doc, endsAt: number | null): void {
  metaOf(doc).set('timerEndsAt', endsAt);
}

/** Hidden voting: counts stay off every screen until the facilitator reveals them. */
export function setVotesHidden(doc: Y.Doc, hidden: boolean): void {
  metaOf(doc).set('votesHidden', hidden);
}

export const groupsOf = (doc: Y.Doc) => doc.getMap<YMap>('groups');

/**
 * Clusters `cardId` with `targetId` (the facilitator dropped one onto the other): it joins
 * the target's cluster, or both start a new one titled after the target. The card moves to
 * the target's column; its order stays, so the cluster shows where its first card is.
 */
export function groupCards(doc: Y.Doc, cardId: string, targetId: string): string | null {
  const card = cardsOf(doc).get(cardId);
  const target = cardsOf(doc).get(targetId);
  if (!(card instanceof Y.Map) || !(target instanceof Y.Map) || cardId === targetId) return null;
  let groupId: string | null = null;
  doc.transact(() => {
    const existing: unknown = target.get(CARD_GROUP_FIELD);
    if (typeof existing === 'string' && groupsOf(doc).has(existing)) groupId = existing;
    else {
      groupId = newId();
      const group = new Y.Map<unknown>();
      groupsOf(doc).set(groupId, group);
      group.set('id', groupId);
      const text: unknown = target.get('text');
      group.set('title', (typeof text === 'string' ? text : '').slice(0, 80));
      target.set(CARD_GROUP_FIELD, groupId);
    }
    const previous: unknown = card.get(CARD_GROUP_FIELD);
    card.set(CARD_GROUP_FIELD, groupId);
    if (card.get('columnId') !== target.get('columnId')) card.set('columnId', target.get('columnId'));
    if (typeof previous === 'string' && previous !== groupId) dissolveIfAlone(doc, previous);
  });
  return groupId;
}

/** Takes a card out of its cluster; a cluster left with one card is dissolved. */
export function ungroupCard(doc: Y.Doc, cardId: string): void {
  const card = cardsOf(doc).get(cardId);
  const groupId: unknown = card instanceof Y.Map ? card.get(CARD_GROUP_FIELD) : null;
  if (!(card instanceof Y.Map) || typeof groupId !== 'string') return;
  doc.transact(() => {
    card.delete(CARD_GROUP_FIELD);
    dissolveIfAlone(doc, groupId);
  });
}

export function renameGroup(doc: Y.Doc, groupId: string, title: string): void {
  groupsOf(doc).get(groupId)?.set('title', title);
}

function dissolveIfAlone(doc: Y.Doc, groupId: string): void {
  const members = [...cardsOf(doc).values()].filter((c) => c instanceof Y.Map && c.get(CARD_GROUP_FIELD) === groupId);
  if (members.length > 1) return;
  for (const c of members) c.delete(CARD_GROUP_FIELD);
  groupsOf(doc).delete(groupId);
}
