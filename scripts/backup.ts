// `npm run backup [-- --to FILE]`: an online, consistent copy of the embedded database in
// DATA_DIR (default ./data) while the server runs. `npm run backup -- --restore FILE` puts
// one back (server stopped). With DATABASE_URL=postgres://… use pg_dump (see the README).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupSqlite, restoreSqlite } from '../server/storage/backup';

const { values } = parseArgs({
  options: { to: { type: 'string' }, restore: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const dataDir = path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');

try {
  if (process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is set: back PostgreSQL up with `pg_dump -Fc "$DATABASE_URL" > stadskamer.dump`.');
  }
  if (values.restore) {
    const { keptAside } = restoreSqlite(path.resolve(values.restore), dataDir);
    process.stdout.write(`Restored ${values.restore} into ${dataDir}.${keptAside ? ` The previous database is kept as ${keptAside}.` : ''}\n`);
  } else {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = path.resolve(values.to ?? `./backups/stadskamer-${stamp}.db`);
    const { bytes } = await backupSqlite(dataDir, target);
    process.stdout.write(`Backed up ${dataDir} to ${target} (${bytes} bytes).\n`);
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
