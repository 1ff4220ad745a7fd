// `npm run db:copy -- --from sqlite:./data --to postgres://…`: moves everything — accounts,
// sessions, workspaces, documents and their content, comments, events, images, templates —
// from the embedded database into an empty PostgreSQL database and verifies it (every
// table's rows, and every document's state identical). Stop the server first.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/storage/db';
import { DATABASE_FILE } from '../server/storage/backup';
import { copyDocuments } from '../server/storage/copy-documents';
import { PostgresDocumentStore } from '../server/storage/postgres-store';
import { copyTables } from '../server/storage/sql/copy-tables';
import { openSql } from '../server/storage/sql/open-sql';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });

try {
  if (!values.from?.startsWith('sqlite:') || !/^postgres(ql)?:\/\//.test(values.to ?? '')) {
    throw new Error('Usage: npm run db:copy -- --from sqlite:./data --to postgres://user@host:5432/database');
  }
  const dataDir = path.resolve(values.from.slice('sqlite:'.length));
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) throw new Error(`No database in ${dataDir}.`);
  const sqlite = openDatabase(dataDir);
  const source = await openSql({ sqlite });
  const target = await openSql({ databaseUrl: values.to });
  const content = await PostgresDocumentStore.open(values.to!);
  try {
    const tables = await copyTables(source, target);
    const { documents, rows } = await copyDocuments(sqlite, content);
    for (const t of tables) process.stdout.write(`  ${t.table}: ${t.rows} rows\n`);
    process.stdout.write(`Copied and verified ${documents} documents (${rows} stored updates) and ${tables.length} tables into PostgreSQL.\n`);
  } finally {
    await content.close();
    await target.close();
    await source.close();
    sqlite.close();
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
