// `npm run db:copy -- --from sqlite:./data --to postgres://…`: moves document content from the
// embedded database into PostgreSQL and verifies it (rows per document, identical states).
// Stop the server first. Accounts, workspaces, comments and events stay in DATA_DIR for now.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/storage/db';
import { DATABASE_FILE } from '../server/storage/backup';
import { copyDocuments } from '../server/storage/copy-documents';
import { PostgresDocumentStore } from '../server/storage/postgres-store';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });

try {
  if (!values.from?.startsWith('sqlite:') || !/^postgres(ql)?:\/\//.test(values.to ?? '')) {
    throw new Error('Usage: npm run db:copy -- --from sqlite:./data --to postgres://user@host:5432/database');
  }
  const dataDir = path.resolve(values.from.slice('sqlite:'.length));
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) throw new Error(`No database in ${dataDir}.`);
  const source = openDatabase(dataDir);
  const target = await PostgresDocumentStore.open(values.to!);
  try {
    const { documents, rows } = await copyDocuments(source, target);
    process.stdout.write(`Copied and verified ${documents} documents (${rows} stored updates) into PostgreSQL.\n`);
  } finally {
    source.close();
    await target.close();
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
