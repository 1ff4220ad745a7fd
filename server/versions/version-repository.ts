import { sql, type Selectable } from 'kysely';
import type { VersionReason } from '../../shared/versions';
import type { Db } from '../storage/sql/open-sql';
import type { DocumentVersionsTable } from '../storage/sql/tables';
import type { VersionStamp } from './retention';

/** A stored version without its state (which can be large: fetch it only when needed). */
export interface VersionRow {
  id: string;
  documentId: string;
  createdAt: string;
  createdBy: string | null;
  name: string | null;
  reason: VersionReason;
  restoredFrom: string | null;
  contributors: string[];
  size: number;
}

export interface NewVersion extends VersionRow {
  state: Uint8Array;
}

const META = ['id', 'document_id', 'created_at', 'created_by', 'name', 'reason', 'restored_from', 'contributors', 'size'] as const;
type MetaRow = Pick<Selectable<DocumentVersionsTable>, (typeof META)[number]>;

const toRow = (r: MetaRow): VersionRow => ({
  id: r.id,
  documentId: r.document_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  name: r.name,
  reason: r.reason as VersionReason,
  restoredFrom: r.restored_from,
  contributors: JSON.parse(r.contributors) as string[],
  size: Number(r.size),
});

/** Versions of text documents: each a whole encoded Yjs state (issue 14). */
export class VersionRepository {
  constructor(private readonly db: Db) {}

  async insert(v: NewVersion): Promise<void> {
    await this.db
      .insertInto('document_versions')
      .values({
        id: v.id,
        document_id: v.documentId,
        created_at: v.createdAt,
        created_by: v.createdBy,
        name: v.name,
        reason: v.reason,
        restored_from: v.restoredFrom,
        contributors: JSON.stringify(v.contributors),
        state: Buffer.from(v.state),
        size: v.size,
      })
      .execute();
  }

  /** Newest first. */
  async list(documentId: string): Promise<VersionRow[]> {
    const rows = await this.db
      .selectFrom('document_versions')
      .select(META)
      .where('document_id', '=', documentId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRow);
  }

  async find(id: string): Promise<VersionRow | undefined> {
    const row = await this.db.selectFrom('document_versions').select(META).where('id', '=', id).executeTakeFirst();
    return row && toRow(row);
  }

  async latest(documentId: string): Promise<VersionRow | undefined> {
    const row = await this.db
      .selectFrom('document_versions')
      .select(META)
      .where('document_id', '=', documentId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row && toRow(row);
  }

  async state(id: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('document_versions').select('state').where('id', '=', id).executeTakeFirst();
    return row && new Uint8Array(row.state);
  }

  async countNamed(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('document_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .where('name', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** What retention needs to decide, oldest first. */
  async stamps(documentId: string): Promise<VersionStamp[]> {
    const rows = await this.db
      .selectFrom('document_versions')
      .select(['id', 'created_at', 'name'])
      .where('document_id', '=', documentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, named: r.name !== null }));
  }

  /**
   * Removes versions of one document. Their contributors move to the next newer version
   * that stays, so "who changed what since" survives thinning.
   */
  async drop(documentId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const gone = new Set(ids);
    return this.db.transaction().execute(async (trx) => {
      const all = await trx
        .selectFrom('document_versions')
        .select(['id', 'contributors'])
        .where('document_id', '=', documentId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      let carried = new Set<string>();
      for (const v of all) {
        const people = JSON.parse(v.contributors) as string[];
        if (gone.has(v.id)) {
          for (const p of people) carried.add(p);
          continue;
        }
        if (carried.size > 0) {
          const merged = [...new Set([...people, ...carried])].sort();
          await trx.updateTable('document_versions').set({ contributors: JSON.stringify(merged) }).where('id', '=', v.id).execute();
          carried = new Set();
        }
      }
      const result = await trx.deleteFrom('document_versions').where('document_id', '=', documentId).where('id', 'in', [...gone]).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  /**
   * Documents that retention may change: an automatic version past the daily limit, or
   * two automatic versions older than `keepAllBefore` on one calendar day.
   */
  async documentsToThin(keepAllBefore: string, dropBefore: string): Promise<string[]> {
    const tooOld = await this.db
      .selectFrom('document_versions')
      .select('document_id')
      .distinct()
      .where('name', 'is', null)
      .where('created_at', '<', dropBefore)
      .execute();
    const crowded = await this.db
      .selectFrom('document_versions')
      .select('document_id')
      .where('name', 'is', null)
      .where('created_at', '<', keepAllBefore)
      .groupBy(['document_id', sql`substr(created_at, 1, 10)`])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    return [...new Set([...tooOld, ...crowded].map((r) => r.document_id))].sort();
  }

  /** Bytes of stored states of one document (storage measurements). */
  async totalSize(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('document_versions')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return Number(row.bytes);
  }
}
