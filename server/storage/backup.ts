import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export const DATABASE_FILE = 'stadskamer.db';

/**
 * A consistent copy of the embedded database while the server keeps running: SQLite's
 * online backup API copies page by page and restarts if a writer changes a copied page,
 * so the file is one committed state (WAL included), never a torn one.
 */
export async function backupSqlite(dataDir: string, target: string): Promise<{ bytes: number }> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  if (fs.existsSync(target)) throw new Error(`${target} exists already; choose a new name.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    // Wait for a writer of another process instead of failing on its lock.
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  checkIntegrity(target);
  return { bytes: fs.statSync(target).size };
}

/**
 * Puts a backup in place as the database of `dataDir`. The server must be stopped; an
 * existing database is kept aside (`.before-restore-<time>`) rather than overwritten.
 */
export function restoreSqlite(backupFile: string, dataDir: string): { keptAside: string | null } {
  checkIntegrity(backupFile);
  fs.mkdirSync(dataDir, { recursive: true });
  const live = path.join(dataDir, DATABASE_FILE);
  let keptAside: string | null = null;
  if (fs.existsSync(live)) {
    keptAside = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(live, keptAside);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, keptAside + suffix);
    }
  }
  fs.copyFileSync(backupFile, live);
  return { keptAside };
}

function checkIntegrity(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${file} is damaged: ${String(result)}`);
  } finally {
    db.close();
  }
}
