/**
 * Compaction from the bundled server (`npm run build:server`, then plain `node`, as
 * `npm start` runs it): its worker threads load compaction-worker.js from beside main.js,
 * with no TypeScript loader anywhere, and merge a document's rows on their own connection.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentFor } from '../helpers/api';
import { roundTrip } from '../helpers/barrier';
import { connectClient, synced } from '../helpers/clients';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so the bundle finds node_modules as dist/server does.
const BUNDLE = path.join('dist', `test-bundle-compaction-${process.pid}`);
const COMPACT_AFTER = 50;

let server: ChildServer;
let dataDir: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs', BUNDLE], { cwd: ROOT, stdio: 'pipe' });
  expect(fs.existsSync(path.join(ROOT, BUNDLE, 'compaction-worker.js'))).toBe(true);
  dataDir = tempDataDir();
  server = await startChildServer(
    { DATA_DIR: dataDir, COMPACT_AFTER_UPDATES: String(COMPACT_AFTER), LOG_LEVEL: 'info' },
    { bundle: path.join(ROOT, BUNDLE, 'main.js') },
  );
}, 120_000);

afterAll(async () => {
  if (server) {
    server.process.kill('SIGTERM');
    await server.exited;
  }
  fs.rmSync(path.join(ROOT, BUNDLE), { recursive: true, force: true });
});

function storedRows(documentId: string): number {
  const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM doc_updates WHERE doc_id = ?').pluck().get(documentId) as number;
  } finally {
    db.close();
  }
}

describe('compaction in the bundled server', () => {
  it('merges the rows in its worker thread and keeps the content', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const writer = connectClient(server.wsUrl, documentId, { token });
    await synced(writer.provider);
    const text = writer.doc.getText('t');
    for (let i = 0; i < COMPACT_AFTER * 2; i++) text.insert(text.length, `${i} `);
    await roundTrip(writer.provider);
    await vi.waitFor(() => expect(server.logs.join('\n')).toContain('"event":"storage.compacted"'), { timeout: 15_000, interval: 20 });
    expect(server.logs.join('\n')).not.toContain('storage.compact_failed');
    expect(storedRows(documentId)).toBeLessThan(COMPACT_AFTER * 2);
    const expected = text.toString();
    writer.provider.destroy();

    const reader = connectClient(server.wsUrl, documentId, { token });
    await synced(reader.provider);
    expect(reader.doc.getText('t').toString()).toBe(expected);
    reader.provider.destroy();
  });

  it('leaves a document with an unreadable row as it is, and keeps serving it', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)').run(documentId, Buffer.from([1, 2, 3]));
    } finally {
      db.close();
    }
    const writer = connectClient(server.wsUrl, documentId, { token });
    await synced(writer.provider);
    const text = writer.doc.getText('t');
    for (let i = 0; i < COMPACT_AFTER * 2; i++) text.insert(text.length, `${i} `);
    await roundTrip(writer.provider);
    const failure = await vi.waitFor(
      () => {
        const line = server.logs.find((l) => l.includes('storage.compact_failed') && l.includes(documentId));
        expect(line).toBeDefined();
        return line!;
      },
      { timeout: 15_000, interval: 20 },
    );
    expect(failure).toContain('do not decode; not compacting');
    // Nothing merged, so nothing deleted: the unreadable row stays for whoever investigates.
    expect(storedRows(documentId)).toBe(1 + COMPACT_AFTER * 2);
    writer.provider.destroy();

    const reader = connectClient(server.wsUrl, documentId, { token });
    await synced(reader.provider);
    expect(reader.doc.getText('t').toString()).toBe(text.toString());
    reader.provider.destroy();
  });
});
