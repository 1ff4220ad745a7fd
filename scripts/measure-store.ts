// Measures both document stores: a document of 10,000 updates (append, load before and after
// compaction), and updates per second with 50 writers on one document through the commit
// queue, grouped (as the server does) and one commit per update (what grouping saves).
// `npx tsx scripts/measure-store.ts [postgres://… admin URL]` (default: the local cluster).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { openDatabase } from '../server/storage/db';
import type { DocumentStore } from '../server/storage/document-store';
import { PostgresDocumentStore } from '../server/storage/postgres-store';
import { SqliteDocumentStore } from '../server/storage/sqlite-store';
import { CommitQueue } from '../server/sync/commit-queue';

const adminUrl = process.argv[2] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function typingUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < n; i++) text.insert(text.length, i % 50 === 0 ? '\n' : 'x');
  return updates;
}

async function medianLoadMs(store: DocumentStore, docId: string, chars: number): Promise<number> {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    const doc = new Y.Doc();
    const rows = await store.loadUpdates(docId);
    doc.transact(() => rows.forEach((u) => Y.applyUpdate(doc, u)));
    if (doc.getText('t').length !== chars) throw new Error('load lost content');
    runs.push(performance.now() - started);
  }
  return +runs.sort((a, b) => a - b)[2]!.toFixed(1);
}

/** 50 writers, each sending its next update once the previous one is stored (a client's pace). */
async function writersPerSecond(store: DocumentStore, docId: string, grouped: boolean, seconds = 3): Promise<number> {
  const commit = grouped
    ? (updates: Uint8Array[]) => store.appendUpdates(docId, updates)
    : async (updates: Uint8Array[]) => {
        for (const u of updates) await store.appendUpdate(docId, u);
      };
  const queue = new CommitQueue<null>(commit, () => undefined, (err) => {
    throw err;
  });
  const update = typingUpdates(1)[0]!;
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (performance.now() < until) {
        queue.enqueue(update, null);
        await queue.flushed();
        done++;
        // A synchronous store answers at once: let the other writers take turns.
        await new Promise((r) => setImmediate(r));
      }
    }),
  );
  return Math.round(done / seconds);
}

async function measure(name: string, store: DocumentStore) {
  const updates = typingUpdates(10_000);
  let t = performance.now();
  for (const u of updates) await store.appendUpdate('big', u);
  const appendOneByOnePerSecond = Math.round(updates.length / ((performance.now() - t) / 1000));
  const loadMs10k = await medianLoadMs(store, 'big', 10_000);
  t = performance.now();
  await store.compact('big');
  const compactMs = +(performance.now() - t).toFixed(1);
  const loadMsAfterCompaction = await medianLoadMs(store, 'big', 10_000);
  const grouped = await writersPerSecond(store, 'busy', true);
  const oneByOne = await writersPerSecond(store, 'busy-single', false);
  return { store: name, appendOneByOnePerSecond, loadMs10k, compactMs, loadMsAfterCompaction, writers50Grouped: grouped, writers50OneCommitPerUpdate: oneByOne };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-measure-'));
const sqlite = new SqliteDocumentStore(openDatabase(dir));
const results = [await measure('sqlite', sqlite)];
await sqlite.close();
fs.rmSync(dir, { recursive: true });

const name = `stadskamer_measure_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const postgres = await PostgresDocumentStore.open(url.toString());
try {
  results.push(await measure('postgres', postgres));
} finally {
  await postgres.close();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
