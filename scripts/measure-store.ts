// Measures the SQLite document store: commits per second, and the load time of a
// document with 10,000 updates before and after compaction. `npx tsx scripts/measure-store.ts`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openDatabase } from '../server/storage/db';
import { SqliteDocumentStore } from '../server/storage/sqlite-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-measure-'));
const store = new SqliteDocumentStore(openDatabase(dir));

const source = new Y.Doc();
const updates: Uint8Array[] = [];
source.on('update', (u: Uint8Array) => updates.push(u));
const text = source.getText('t');
for (let i = 0; i < 10_000; i++) text.insert(text.length, i % 50 === 0 ? '\n' : 'x');

let t = performance.now();
for (const u of updates) store.appendUpdate('doc', u);
const commitMs = performance.now() - t;

async function loadMs(): Promise<number> {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    const doc = new Y.Doc();
    const rows = await store.loadUpdates('doc');
    doc.transact(() => rows.forEach((u) => Y.applyUpdate(doc, u)));
    if (doc.getText('t').length !== 10_000) throw new Error('load lost content');
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[2]!;
}

const before = await loadMs();
t = performance.now();
const result = await store.compact('doc');
const compactMs = performance.now() - t;
const after = await loadMs();
process.stdout.write(
  JSON.stringify({
    commitsPerSecond: Math.round(updates.length / (commitMs / 1000)),
    loadMsBefore10kUpdates: +before.toFixed(1),
    compactMs: +compactMs.toFixed(1),
    loadMsAfterCompaction: +after.toFixed(1),
    rows: result,
  }) + '\n',
);
store.close();
fs.rmSync(dir, { recursive: true });
