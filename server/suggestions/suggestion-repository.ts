import type { Selectable } from 'kysely';
import { newId } from '../auth/tokens';
import { colorForUser } from '../auth/user-color';
import type { Db } from '../storage/sql/open-sql';
import type { SuggestionsTable } from '../storage/sql/tables';
import type { CommentAuthor } from '../../shared/comments';
import type { Suggestion, SuggestionStatus } from '../../shared/suggestions';

type Row = Selectable<SuggestionsTable>;

/** What a suggestion says: where, what it replaces, what would stand there instead. */
export interface SuggestionText {
  anchor: { start: string; end: string };
  deletedText: string;
  insertText: string;
}

/** A decision: who took it, and when (ISO 8601). */
export interface Decision {
  status: Exclude<SuggestionStatus, 'pending'>;
  byUserId: string;
  at?: string;
}

/**
 * Suggestions (issue 14) in the relational store, both engines. Every change of text or
 * status is conditional on the suggestion still being pending, so two editors deciding
 * the same suggestion at once decide it once.
 */
export class SuggestionRepository {
  constructor(private readonly db: Db) {}

  async create(input: SuggestionText & { documentId: string; authorId: string }): Promise<Suggestion> {
    const now = new Date().toISOString();
    const row: Row = {
      id: newId(),
      document_id: input.documentId,
      author_id: input.authorId,
      anchor_start: input.anchor.start,
      anchor_end: input.anchor.end,
      deleted_text: input.deletedText,
      insert_text: input.insertText,
      status: 'pending',
      created_at: now,
      updated_at: now,
      decided_by: null,
      decided_at: null,
    };
    await this.db.insertInto('suggestions').values(row).execute();
    return (await this.assemble([row]))[0]!;
  }

  async get(id: string): Promise<Suggestion | undefined> {
    const row = await this.db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && (await this.assemble([row]))[0];
  }

  /** The document's pending suggestions, oldest first (what the editor shows and the export writes). */
  pending(documentId: string): Promise<Suggestion[]> {
    return this.list(documentId, 'pending');
  }

  /** The document's suggestions, oldest first: pending only, or all of them. */
  async list(documentId: string, which: 'pending' | 'all' = 'pending'): Promise<Suggestion[]> {
    let query = this.db.selectFrom('suggestions').selectAll().where('document_id', '=', documentId);
    if (which === 'pending') query = query.where('status', '=', 'pending');
    return this.assemble(await query.orderBy('created_at').orderBy('id').execute());
  }

  async countPending(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('suggestions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Replaces a pending suggestion's text; undefined when it is no longer pending (or gone). */
  async update(id: string, text: SuggestionText): Promise<Suggestion | undefined> {
    const result = await this.db
      .updateTable('suggestions')
      .set({
        anchor_start: text.anchor.start,
        anchor_end: text.anchor.end,
        deleted_text: text.deletedText,
        insert_text: text.insertText,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? this.get(id) : undefined;
  }

  /** Decides a pending suggestion; undefined when someone decided it first (or it is gone). */
  async decide(id: string, decision: Decision): Promise<Suggestion | undefined> {
    const at = decision.at ?? new Date().toISOString();
    const result = await this.db
      .updateTable('suggestions')
      .set({ status: decision.status, decided_by: decision.byUserId, decided_at: at, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? this.get(id) : undefined;
  }

  /** Gives back an accept that could not be applied (its text changed meanwhile): pending again. */
  async reopen(id: string): Promise<void> {
    await this.db
      .updateTable('suggestions')
      .set({ status: 'pending', decided_by: null, decided_at: null })
      .where('id', '=', id)
      .where('status', '=', 'accepted')
      .execute();
  }

  /** Rows → API objects, reading the people they name once for the whole list. */
  private async assemble(rows: Row[]): Promise<Suggestion[]> {
    const ids = [...new Set(rows.flatMap((r) => (r.decided_by ? [r.author_id, r.decided_by] : [r.author_id])))];
    const people = new Map<string, CommentAuthor>();
    if (ids.length > 0) {
      const users = await this.db.selectFrom('users').select(['id', 'name', 'organization']).where('id', 'in', ids).execute();
      for (const u of users) people.set(u.id, { id: u.id, name: u.name, organization: u.organization, color: colorForUser(u.id) });
    }
    // Accounts are never deleted while they have suggestions (foreign keys); the fallback is defensive.
    const person = (id: string) => people.get(id) ?? { id, name: '', organization: '', color: colorForUser(id) };
    return rows.map((r) => ({
      id: r.id,
      documentId: r.document_id,
      author: person(r.author_id),
      anchor: { start: r.anchor_start, end: r.anchor_end },
      deletedText: r.deleted_text,
      insertText: r.insert_text,
      status: r.status as SuggestionStatus,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      decidedBy: r.decided_by ? person(r.decided_by) : null,
      decidedAt: r.decided_at,
    }));
  }
}
