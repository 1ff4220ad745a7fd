import type { CompiledQuery } from 'kysely';
import type { Db } from '../storage/sql/open-sql';

export type RunKind = 'insert' | 'delete';

/** Who made (insert) or deleted (delete) the Yjs ids client:[start, end) of a document. */
export interface AuthorshipRun {
  kind: RunKind;
  client: number;
  start: number;
  end: number;
  userId: string;
  /** ms since the epoch of the latest change in the run. */
  lastAt: number;
}

/** The `authorship` table: runs of Yjs ids per person, written from the sync path. */
export class AuthorshipRepository {
  /**
   * The widening UPDATE, compiled once: it runs for every open run every quarter second
   * while people type, and building the same statement through kysely each time was most
   * of what authorship cost. Compiled with marker values, so each value's place among the
   * parameters is looked up rather than assumed.
   */
  private widenQuery: { query: CompiledQuery; slots: number[] } | null = null;

  constructor(private readonly db: Db) {}

  private widen(e: { id: number; start: number; end: number; lastAt: number }): CompiledQuery {
    if (!this.widenQuery) {
      const markers = [-1, -2, -3, -4];
      const query = this.db.updateTable('authorship').set({ clock_start: -1, clock_end: -2, last_at: -3 }).where('id', '=', -4).compile();
      const slots = markers.map((m) => query.parameters.indexOf(m));
      if (slots.includes(-1) || query.parameters.length !== markers.length) throw new Error('unexpected shape of the authorship update');
      this.widenQuery = { query, slots };
    }
    const { query, slots } = this.widenQuery;
    const parameters: unknown[] = [];
    [e.start, e.end, e.lastAt, e.id].forEach((v, i) => (parameters[slots[i]!] = v));
    return { ...query, parameters };
  }

  /** Writes new runs and widens existing ones (by id) in one transaction; answers the new rows' ids. */
  async write(documentId: string, inserts: AuthorshipRun[], extensions: { id: number; start: number; end: number; lastAt: number }[]): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      for (const e of extensions) {
        await trx.executeQuery(this.widen(e));
      }
      const ids: number[] = [];
      for (const r of inserts) {
        const row = await trx
          .insertInto('authorship')
          .values({ document_id: documentId, kind: r.kind, client_id: r.client, clock_start: r.start, clock_end: r.end, user_id: r.userId, last_at: r.lastAt })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(Number(row.id));
      }
      return ids;
    });
  }

  /** Runs of a document touched at or after `sinceMs`: every run that can matter to a diff from then on. */
  async runs(documentId: string, sinceMs = 0): Promise<AuthorshipRun[]> {
    const rows = await this.db
      .selectFrom('authorship')
      .select(['kind', 'client_id', 'clock_start', 'clock_end', 'user_id', 'last_at'])
      .where('document_id', '=', documentId)
      .where('last_at', '>=', sinceMs)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      kind: r.kind as RunKind,
      client: Number(r.client_id),
      start: Number(r.clock_start),
      end: Number(r.clock_end),
      userId: r.user_id,
      lastAt: Number(r.last_at),
    }));
  }

  /** Who changed the document after `sinceMs` (exclusive), in id order. */
  async activeSince(documentId: string, sinceMs: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('authorship')
      .select('user_id')
      .distinct()
      .where('document_id', '=', documentId)
      .where('last_at', '>', sinceMs)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  }
}
