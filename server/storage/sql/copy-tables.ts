import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Sql } from './open-sql';
import type { Tables } from './tables';

export class TableCopyError extends Error {}

/**
 * Every table of the relational schema, parents before children (foreign keys), with the
 * columns that order its rows uniquely. Absent on purpose: search_entries (derived data,
 * rebuilt from storage by the server when it finds it empty), sso_logins (sign-ins under
 * way for ten minutes, meaningless after a move) and event_locks (empty rows locked only
 * inside a transaction).
 */
export const COPY_ORDER: { table: keyof Tables; key: string[] }[] = [
  { table: 'users', key: ['id'] },
  { table: 'sessions', key: ['token_hash'] },
  { table: 'password_resets', key: ['token_hash'] },
  { table: 'workspaces', key: ['id'] },
  { table: 'members', key: ['workspace_id', 'user_id'] },
  { table: 'invites', key: ['token_hash'] },
  { table: 'invite_uses', key: ['invite_id', 'user_id'] },
  { table: 'documents', key: ['id'] },
  { table: 'events', key: ['id'] },
  { table: 'comment_threads', key: ['id'] },
  { table: 'comment_replies', key: ['id'] },
  { table: 'suggestions', key: ['id'] },
  { table: 'notifications', key: ['id'] },
  { table: 'join_sessions', key: ['id'] },
  { table: 'guest_accounts', key: ['user_id'] },
  { table: 'board_drafts', key: ['board_id', 'draft_id'] },
  { table: 'images', key: ['id'] },
  { table: 'templates', key: ['id'] },
  { table: 'user_identities', key: ['issuer', 'subject'] },
  { table: 'document_versions', key: ['id'] },
  { table: 'authorship', key: ['id'] },
];

/** Tables whose ids come from a sequence on PostgreSQL: it must continue after the copied ids. */
const SERIAL_IDS = ['events', 'authorship'] as const;

/** Rows per statement: well under both engines' limit on bound parameters. */
const PAGE = 200;

type Row = Record<string, unknown>;
// Table names come from COPY_ORDER, not from input: the loose type only spares a cast per table.
type AnyDb = Kysely<Record<string, Row>>;

export interface TableCount {
  table: string;
  rows: number;
}

/**
 * Copies every row of every table from one relational store into another, empty one (the
 * server stopped), in one transaction on the target, then verifies each table: the same
 * rows, compared by a digest of every column.
 */
export async function copyTables(source: Sql, target: Sql): Promise<TableCount[]> {
  const from = source.db as unknown as AnyDb;
  const to = target.db as unknown as AnyDb;
  for (const { table } of COPY_ORDER) {
    const present = await to.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (present) throw new TableCopyError(`The target already holds rows in ${table}; copy into an empty database.`);
  }
  const counts: TableCount[] = [];
  await to.transaction().execute(async (trx) => {
    for (const { table, key } of COPY_ORDER) {
      let rows = 0;
      for await (const page of pages(from, table, key)) {
        await trx.insertInto(table).values(page).execute();
        rows += page.length;
      }
      counts.push({ table, rows });
    }
  });
  // Copied ids were given explicitly; the target's own counter must continue after them.
  if (target.dialect === 'postgres') {
    for (const table of SERIAL_IDS) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(to);
    }
  }
  await verifyTables(source, target);
  return counts;
}

/** Throws unless every table holds the same rows (every column) in both stores. */
export async function verifyTables(source: Sql, target: Sql): Promise<void> {
  const from = source.db as unknown as AnyDb;
  const to = target.db as unknown as AnyDb;
  for (const { table, key } of COPY_ORDER) {
    const [a, b] = await Promise.all([digest(from, table, key), digest(to, table, key)]);
    if (a !== b) throw new TableCopyError(`Table ${table}: the copied rows differ from the source.`);
  }
}

async function* pages(db: AnyDb, table: string, key: string[]): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += PAGE) {
    let query = db.selectFrom(table).selectAll();
    for (const k of key) query = query.orderBy(k);
    const rows = await query.limit(PAGE).offset(offset).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
  }
}

/**
 * One digest of a table's rows, independent of their order: the two engines sort text keys
 * by different collations, so each row is hashed alone and the sorted hashes are hashed.
 */
async function digest(db: AnyDb, table: string, key: string[]): Promise<string> {
  const rowHashes: string[] = [];
  for await (const page of pages(db, table, key)) {
    for (const row of page) rowHashes.push(createHash('sha256').update(canonical(row)).digest('hex'));
  }
  return createHash('sha256').update(rowHashes.sort().join('')).digest('hex');
}

/** A row as text that is the same whichever engine read it (column order, bytes as hex). */
function canonical(row: Row): string {
  const entries = Object.keys(row)
    .sort()
    .map((k) => {
      const v = row[k];
      return [k, v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v];
    });
  return `${JSON.stringify(entries)}\n`;
}
