import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from '../storage/sql/open-sql';
import type { Tables } from '../storage/sql/tables';
import type { SearchResult } from '../../shared/search';
import type { SearchEntry, SearchFilters, SearchIndex } from './search-index';
import { queryStems, toIndexText } from './dutch-text';
import { toEntry, toResult, toRow } from './search-rows';

/** PostgreSQL-only: the tsvector of each entry (0301-search-postgres.ts). */
interface SearchVectorsTable {
  rowid: number;
  vector: string;
}
type SearchTables = Tables & { search_vectors: SearchVectorsTable };

/**
 * A tsvector holds at most 1 MiB: per distinct word its bytes and about 8 more, plus 2 per
 * occurrence (at most 256 counted). Texts that would not fit keep each distinct stem once,
 * as far as they fit: every word of any real document stays findable, only how often it
 * occurs no longer counts for ranking.
 */
const VECTOR_BUDGET = 900_000;

export function vectorText(text: string): string {
  const stems = toIndexText(text);
  const counts = new Map<string, number>();
  for (const s of stems.split(' ')) counts.set(s, (counts.get(s) ?? 0) + 1);
  let size = 0;
  for (const [s, n] of counts) size += Buffer.byteLength(s) + 8 + 2 * Math.min(n, 256);
  if (size <= VECTOR_BUDGET) return stems;
  const kept: string[] = [];
  size = 0;
  for (const s of counts.keys()) {
    size += Buffer.byteLength(s) + 10;
    if (size > VECTOR_BUDGET) break;
    kept.push(s);
  }
  return kept.join(' ');
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
const CHUNK = 500;

/**
 * ts_rank weights for {D, C, B, A}: body D, tags B, title A, in the proportions of the
 * SQLite index's bm25 weights (body 1, tags 4, title 8). Normalisation 1 divides by the
 * log of the length, so a long text does not win by length alone (as bm25 does).
 */
const WEIGHTS = '{0.125, 0, 0.5, 1}';

function vectorOf(e: SearchEntry): RawBuilder<string> {
  return sql<string>`setweight(to_tsvector('simple', ${vectorText(e.title)}), 'A')
    || setweight(to_tsvector('simple', ${vectorText(e.tags.join(' '))}), 'B')
    || setweight(to_tsvector('simple', ${vectorText(e.body)}), 'D')`;
}

/** Each stem as a prefix, all required: what the SQLite index's FTS5 query asks. Stems hold only letters and digits. */
export function prefixQuery(stems: string[]): string {
  return stems.map((s) => `'${s}':*`).join(' & ');
}

/** The calendar day after `date` (YYYY-MM-DD): `to` includes its whole day. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * PostgreSQL full-text search over the same Dutch stems as the SQLite index (the 'simple'
 * configuration: the indexer already folded and stemmed the words, so PostgreSQL must not
 * stem again), prefix matching, ranking weighted like bm25's, and the same snippets.
 */
export class PostgresSearchIndex implements SearchIndex {
  private readonly db: Kysely<SearchTables>;

  constructor(db: Db) {
    this.db = db.withTables<{ search_vectors: SearchVectorsTable }>();
  }

  async replaceDocument(documentId: string, entries: SearchEntry[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Two instances reindexing one document take turns: the second deletes what the first wrote.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`search:${documentId}`}))`.execute(trx);
      await trx.deleteFrom('search_entries').where('document_id', '=', documentId).execute();
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const rows = await trx.insertInto('search_entries').values(chunk.map(toRow)).returning(['rowid', 'key']).execute();
        const rowids = new Map(rows.map((r) => [r.key, r.rowid]));
        await trx
          .insertInto('search_vectors')
          .values(chunk.map((e) => ({ rowid: rowids.get(e.key)!, vector: vectorOf(e) })))
          .execute();
      }
    });
  }

  async removeDocument(documentId: string): Promise<void> {
    // The vectors go with their entries (ON DELETE CASCADE).
    await this.db.deleteFrom('search_entries').where('document_id', '=', documentId).execute();
  }

  async search(userId: string, query: string, f: SearchFilters): Promise<SearchResult[]> {
    const stems = queryStems(query);
    if (stems.length === 0) return [];
    const tsquery = sql`to_tsquery('simple', ${prefixQuery(stems)})`;
    const inList = (column: 'e.tags' | 'e.organizations', value: string) =>
      sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${sql.ref(column)}::jsonb) AS item(v) WHERE lower(item.v) = lower(${value}))`;
    let q = this.db
      .selectFrom('search_vectors as v')
      .innerJoin('search_entries as e', 'e.rowid', 'v.rowid')
      .innerJoin('members as m', (j) => j.onRef('m.workspace_id', '=', 'e.workspace_id').on('m.user_id', '=', userId))
      .innerJoin('workspaces as w', 'w.id', 'e.workspace_id')
      .selectAll('e')
      .select('w.name as workspace_name')
      .where(sql<boolean>`v.vector @@ ${tsquery}`);
    if (f.workspace) q = q.where('e.workspace_id', '=', f.workspace);
    if (f.kind) q = q.where('e.kind', '=', f.kind);
    if (f.status) q = q.where('e.status', '=', f.status);
    if (f.tag) q = q.where(inList('e.tags', f.tag));
    if (f.organization) q = q.where(inList('e.organizations', f.organization));
    if (f.from) q = q.where('e.updated_at', '>=', f.from);
    if (f.to) q = q.where('e.updated_at', '<', dayAfter(f.to));
    const rows = await q
      .orderBy(sql`ts_rank(${WEIGHTS}::float4[], v.vector, ${tsquery}, 1)`, 'desc')
      .orderBy('e.updated_at', 'desc')
      .orderBy('e.key')
      .limit(f.limit)
      .execute();
    return rows.map((row) => toResult(row, stems));
  }

  async documentIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('search_entries').select('document_id').distinct().orderBy('document_id').execute();
    return rows.map((r) => r.document_id);
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('search_entries').execute();
  }

  async dump(): Promise<SearchEntry[]> {
    return (await this.db.selectFrom('search_entries').selectAll().orderBy('key').execute()).map(toEntry);
  }
}
