import type { DocumentMeta } from '../../shared/api';
import { MAX_PENDING_SUGGESTIONS, type Suggestion } from '../../shared/suggestions';
import type { WithCurrentDoc } from '../documents/current-doc';
import { InTurn } from '../documents/in-turn';
import { AppError } from '../http/errors';
import type { RoomRegistry } from '../sync/rooms';
import type { SuggestionRepository, SuggestionText } from './suggestion-repository';

/** Credits a change the server made to the person it came from (server/versions `credit`). */
export type Credit = (documentId: string, userId: string, update: Uint8Array) => void;

export interface SuggestionServiceDeps {
  suggestions: SuggestionRepository;
  rooms: RoomRegistry;
  withCurrentDoc: WithCurrentDoc;
  credit: Credit;
}

/** Origin of an accepted suggestion's transaction on the live document: stored and broadcast like any edit. */
const ACCEPT_ORIGIN = { suggestionAccepted: true };

const content = () => import('./suggestion-content');

export const outdatedError = () =>
  new AppError(
    409,
    'suggestion_outdated',
    'The text this suggestion would change was edited since it was made; it stays open. / De tekst van dit voorstel werd intussen aangepast; het voorstel blijft open.',
  );
const decidedError = () => new AppError(409, 'suggestion_decided', 'This suggestion was already accepted, rejected or withdrawn.');

/**
 * What suggestions do to the text: a new or grown suggestion must stand on the text it
 * names (checked against the current document), and accepting applies it to the live
 * document as a change credited to its author. Decisions on one document are taken one
 * at a time on this instance, so the text read is the text changed.
 */
export class SuggestionService {
  private readonly turns = new InTurn();

  constructor(private readonly deps: SuggestionServiceDeps) {}

  async create(document: DocumentMeta, authorId: string, text: SuggestionText): Promise<Suggestion> {
    if ((await this.deps.suggestions.countPending(document.id)) >= MAX_PENDING_SUGGESTIONS) {
      throw new AppError(409, 'too_many_suggestions', `A document holds at most ${MAX_PENDING_SUGGESTIONS} open suggestions; decide some first.`);
    }
    await this.checkStandsOn(document.id, text);
    return this.deps.suggestions.create({ ...text, documentId: document.id, authorId });
  }

  async update(suggestion: Suggestion, text: SuggestionText): Promise<Suggestion> {
    await this.checkStandsOn(suggestion.documentId, text);
    const updated = await this.deps.suggestions.update(suggestion.id, text);
    if (!updated) throw decidedError();
    return updated;
  }

  /** Rejects (by an editor) or withdraws (by its author) a pending suggestion. */
  async close(suggestion: Suggestion, byUserId: string, status: 'rejected' | 'withdrawn'): Promise<Suggestion> {
    const decided = await this.deps.suggestions.decide(suggestion.id, { status, byUserId });
    if (!decided) throw decidedError();
    return decided;
  }

  /** Accepts one suggestion: 409 when it was decided already or its text changed meanwhile. */
  async accept(suggestion: Suggestion, byUserId: string): Promise<Suggestion> {
    const { decided, outdated } = await this.acceptMany(suggestion.documentId, [suggestion], byUserId);
    if (outdated.length > 0) throw outdatedError();
    if (decided.length === 0) throw decidedError();
    return decided[0]!;
  }

  /**
   * Accepts `pending` in one pass over the live document (from its end backwards); those
   * whose text changed stay pending and are answered as outdated, those someone else
   * decided meanwhile are left out.
   */
  acceptMany(documentId: string, pending: Suggestion[], byUserId: string): Promise<{ decided: Suggestion[]; outdated: string[] }> {
    return this.turns.run(documentId, async () => {
      const { acceptInto } = await content();
      const at = new Date().toISOString();
      // Claimed first, so that a concurrent reject on another instance cannot also win.
      const claimed: Suggestion[] = [];
      for (const s of pending) {
        if (await this.deps.suggestions.decide(s.id, { status: 'accepted', byUserId, at })) claimed.push(s);
      }
      const room = await this.deps.rooms.get(documentId);
      try {
        const { applied, outdated } = acceptInto(room.doc, claimed, (s) => s, ACCEPT_ORIGIN);
        for (const s of outdated) await this.deps.suggestions.reopen(s.id);
        await room.settled();
        if (room.isFailed) {
          for (const a of applied) await this.deps.suggestions.reopen(a.suggestion.id);
          throw new AppError(503, 'storage_unavailable', 'The document could not be stored; try again.');
        }
        for (const a of applied) if (a.update) this.deps.credit(documentId, a.suggestion.author.id, a.update);
        const decided = await Promise.all(applied.map(async (a) => (await this.deps.suggestions.get(a.suggestion.id))!));
        return { decided: sortLike(pending, decided), outdated: outdated.map((s) => s.id) };
      } finally {
        this.deps.rooms.released(room);
      }
    });
  }

  private async checkStandsOn(documentId: string, text: SuggestionText): Promise<void> {
    const { standsOn } = await content();
    if (!(await this.deps.withCurrentDoc(documentId, (doc) => standsOn(doc, text)))) {
      throw new AppError(
        422,
        'anchor_mismatch',
        'The anchor does not point at the text named in deletedText (the text may have changed); read the document again.',
        'anchor',
      );
    }
  }


}

/** `items` in the order of `order` (by id). */
function sortLike(order: Suggestion[], items: Suggestion[]): Suggestion[] {
  const rank = new Map(order.map((s, i) => [s.id, i]));
  return [...items].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}
