/**
 * The workshop board (CONTRACT §3) shared by server and client: its defaults, its JSON
 * types and the honest vote counting, so that what a person sees on the board is exactly
 * what the export and the draft say.
 *
 * Anyone with write access can put anything into the shared maps, so nothing in them
 * is trusted. The counting rules:
 * 1. Only votes of current members (`memberIds`) count.
 * 2. A vote value counts only as a positive integer; negative, fractional, NaN,
 *    infinite and non-number values count 0.
 * 3. Each person's votes count at most `votesPerPerson` in total over the whole board.
 *    When someone went over, their votes are taken card by card in a fixed order —
 *    oldest card first (`createdAt`, cards without a valid one last), then card id —
 *    until the allowance is used up; the rest does not count. The order depends only
 *    on the cards, never on map iteration order or on who synced first, so every
 *    server and every export gives the same totals.
 * `meta.votesPerPerson` is used when it is a non-negative integer, otherwise
 * DEFAULT_VOTES_PER_PERSON.
 * Cards whose column no longer exists are left out (they are not on the board anyone
 * sees) and their votes do not use up anybody's allowance.
 */
import * as Y from 'yjs';

/** Dots per person when the board's meta does not say (a common dot-voting default). */
export const DEFAULT_VOTES_PER_PERSON = 5;

/**
 * Card colours a person can pick. Stored by name (not hex) so the palette can change
 * without rewriting boards; unknown names show as the first colour.
 */
export const CARD_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
export type CardColor = (typeof CARD_COLORS)[number];

/**
 * Extension of CONTRACT §3 used by the web client: a card's place inside its column is
 * `order`: a `fractional-indexing` key (string, compared as plain text; lower is higher up).
 * Boards from before keys hold numbers there, which sort before every key. Cards without
 * either sort after the others by age.
 * Readers that do not know it (the export ranks by votes anyway) can ignore it.
 */
export const CARD_ORDER_FIELD = 'order';

/**
 * Clusters (issue 16): `ydoc.getMap('groups')` maps group id → `Y.Map {id, title}`, and a
 * card in a cluster has `groupId`. Only owners (the facilitator) write either, like `meta`.
 * `meta.votesHidden` (boolean, owners) hides vote counts on screens until revealed.
 */
export const CARD_GROUP_FIELD = 'groupId';

export interface BoardGroup {
  id: string;
  title: string;
}

/** Clusters that exist; a card pointing at a missing one counts as ungrouped. */
export function readGroups(doc: Y.Doc): Map<string, BoardGroup> {
  const groups = new Map<string, BoardGroup>();
  for (const [id, entry] of doc.getMap<unknown>('groups').entries()) {
    if (!(entry instanceof Y.Map)) continue;
    groups.set(id, { id, title: stringOr(entry.get('title'), '') });
  }
  return groups;
}

/** `GET /api/documents/:did/export?format=json` of a board. */
export interface BoardExportCard {
  id: string;
  text: string;
  color: string;
  authorId: string;
  votes: number;
}

export interface BoardExport {
  title: string;
  columns: { id: string; title: string; cards: BoardExportCard[] }[];
}

export interface BoardCard {
  id: string;
  columnId: string;
  text: string;
  color: string;
  authorId: string;
  /** ms epoch, null when the card has no valid one */
  createdAt: number | null;
  /** honest vote count */
  votes: number;
  /** the cluster it belongs to (an existing group), or null */
  groupId: string | null;
}

export interface BoardColumn {
  id: string;
  title: string;
  /** most votes first; ties oldest first, then by id */
  cards: BoardCard[];
}

export interface HonestBoard {
  votesPerPerson: number;
  columns: BoardColumn[];
}

interface Ballot {
  card: BoardCard;
  userId: string;
  votes: number;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function readColumns(doc: Y.Doc): BoardColumn[] {
  const seen = new Set<string>();
  const columns: BoardColumn[] = [];
  for (const entry of doc.getArray<unknown>('columns').toArray()) {
    if (!(entry instanceof Y.Map)) continue;
    const id: unknown = entry.get('id');
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
    seen.add(id);
    columns.push({ id, title: stringOr(entry.get('title'), ''), cards: [] });
  }
  return columns;
}

export function readVotesPerPerson(doc: Y.Doc): number {
  const value: unknown = doc.getMap<unknown>('meta').get('votesPerPerson');
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_VOTES_PER_PERSON;
}

/** Oldest first, cards without a valid `createdAt` last, then by id: the cap order. */
export function compareCardAge(a: BoardCard, b: BoardCard): number {
  if (a.createdAt !== b.createdAt) {
    if (a.createdAt === null) return 1;
    if (b.createdAt === null) return -1;
    return a.createdAt - b.createdAt;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function readCard(id: string, entry: Y.Map<unknown>): BoardCard {
  const createdAt: unknown = entry.get('createdAt');
  return {
    id,
    columnId: stringOr(entry.get('columnId'), ''),
    text: stringOr(entry.get('text'), ''),
    color: stringOr(entry.get('color'), ''),
    authorId: stringOr(entry.get('authorId'), ''),
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : null,
    votes: 0,
    groupId: typeof entry.get(CARD_GROUP_FIELD) === 'string' ? (entry.get(CARD_GROUP_FIELD) as string) : null,
  };
}

function validBallots(card: BoardCard, votes: unknown, memberIds: Set<string>): Ballot[] {
  if (!(votes instanceof Y.Map)) return [];
  const ballots: Ballot[] = [];
  for (const [userId, value] of votes.entries()) {
    if (!memberIds.has(userId)) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) continue;
    ballots.push({ card, userId, votes: value });
  }
  return ballots;
}

/** Applies each person's allowance in the documented order and sums per card. */
function countBallots(ballots: Ballot[], votesPerPerson: number): void {
  ballots.sort((a, b) => compareCardAge(a.card, b.card));
  const used = new Map<string, number>();
  for (const ballot of ballots) {
    const spent = used.get(ballot.userId) ?? 0;
    const counted = Math.min(ballot.votes, votesPerPerson - spent);
    if (counted <= 0) continue;
    used.set(ballot.userId, spent + counted);
    ballot.card.votes += counted;
  }
}

function compareRanking(a: BoardCard, b: BoardCard): number {
  return b.votes - a.votes || compareCardAge(a, b);
}

/** The board as people see it, with honest vote counts and cards ranked per column. */
export function readHonestBoard(doc: Y.Doc, memberIds: Set<string>): HonestBoard {
  const columns = readColumns(doc);
  const byId = new Map(columns.map((column) => [column.id, column]));
  const votesPerPerson = readVotesPerPerson(doc);
  const ballots: Ballot[] = [];
  for (const [id, entry] of doc.getMap<unknown>('cards').entries()) {
    if (!(entry instanceof Y.Map)) continue;
    const card = readCard(id, entry as Y.Map<unknown>);
    const column = byId.get(card.columnId);
    if (!column) continue;
    column.cards.push(card);
    ballots.push(...validBallots(card, entry.get('votes'), memberIds));
  }
  countBallots(ballots, votesPerPerson);
  const groups = readGroups(doc);
  for (const column of columns) {
    for (const card of column.cards) if (card.groupId !== null && !groups.has(card.groupId)) card.groupId = null;
    column.cards.sort(compareRanking);
  }
  return { votesPerPerson, columns };
}

/**
 * Hidden voting (issue 16): while `meta.votesHidden` is true nobody writes votes into the
 * board. Each person's dots go to their own ballot instead: a small Y.Doc synced over the
 * sync socket as room `<boardId>/ballot`, which the server opens for the signed-in person
 * only (nobody can name another person's ballot). Its `votes` map holds card id → that
 * person's whole vote count on the card, replacing what the board says for them there.
 * When the facilitator reveals, the server writes every ballot into the board's `votes`
 * maps and empties the ballots.
 */
export const BALLOT_ROOM = 'ballot';
export const BALLOT_VOTES = 'votes';

export function ballotRoomName(boardId: string): string {
  return `${boardId}/${BALLOT_ROOM}`;
}

/** Whether the board's votes are hidden now (only the facilitator sets it). */
export function votesHidden(doc: Y.Doc): boolean {
  return doc.getMap<unknown>('meta').get('votesHidden') === true;
}

/** A ballot's valid entries: card id → a whole number ≥ 0 (0: the person took their votes back). */
export function readBallot(ballot: Y.Doc): Map<string, number> {
  const entries = new Map<string, number>();
  for (const [cardId, value] of ballot.getMap<unknown>(BALLOT_VOTES).entries()) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) entries.set(cardId, value);
  }
  return entries;
}
