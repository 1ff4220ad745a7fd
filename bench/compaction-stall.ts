// How long compaction holds up the event loop that serves every room (issue #19, item 6).
// A document of a given size is stored as one state plus 500 small edits (what the server
// compacts every COMPACT_AFTER_UPDATES), then compacted while another room keeps writing
// every millisecond on the same loop. Reported: the loop's largest delay and p99
// (perf_hooks.monitorEventLoopDelay), the compaction's wall time, and the CPU time of the
// main thread meanwhile (`mainCpuMs`; the floor row gives what the neighbour's writes cost per
// second): on a loaded machine the delay also counts waiting for a core, the CPU time does not.
// `npx tsx bench/compaction-stall.ts [sqlite|postgres ...]` (default: both engines): one line
// per measurement on stderr, one JSON object on stdout (npm run bench keeps it under extras).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import * as Y from 'yjs';
import { openDatabase } from '../server/storage/db';
import type { DocumentStore } from '../server/storage/document-store';
import { PostgresDocumentStore } from '../server/storage/postgres-store';
import { SqliteDocumentStore } from '../server/storage/sqlite-store';
import { fillParagraphs } from './text-document';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** About 55 bytes of stored state per paragraph (fillParagraphs). */
const SIZES = [{ label: '200 KB', paragraphs: 3_700 }, { label: '2 MB', paragraphs: 37_000 }];
const EDITS = 500;
v8.setFlagsFromString('--expose-gc');
/** Collects what building the test document left behind, so its GC does not count as a stall. */
const collectGarbage = runInNewContext('gc') as () => void;
const RUNS = 3;

/** The document's state as one row, then EDITS small updates, each a row of its own. */
async function storeDocument(store: DocumentStore, docId: string, paragraphs: number): Promise<number> {
  const doc = new Y.Doc();
  fillParagraphs(doc, paragraphs);
  const state = Y.encodeStateAsUpdate(doc);
  await store.appendUpdates(docId, [state]);
  const edits: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => edits.push(u));
  const fragment = doc.getXmlFragment('default');
  for (let i = 0; i < EDITS; i++) {
    const p = fragment.get((i * 7919) % fragment.length) as Y.XmlElement;
    (p.get(0) as Y.XmlText).insert(0, 'x');
  }
  await store.appendUpdates(docId, edits);
  doc.destroy();
  return state.byteLength;
}

interface Stall {
  maxMs: number;
  p99Ms: number;
  compactMs: number;
  /** CPU time of the main thread alone (not the workers), whatever else the machine runs. */
  mainCpuMs: number;
}

/** User + system CPU of this process's main thread so far (Linux /proc, 10 ms ticks). */
function mainThreadCpuMs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Compacts while another document gets an update every millisecond on this loop. */
async function compactWhileWriting(store: DocumentStore, docId: string | null, idleMs = 0): Promise<Stall> {
  const other = `${docId ?? 'idle'}-neighbour`;
  const update = new Uint8Array([0, 0]);
  const writer = setInterval(() => void store.appendUpdate(other, update), 1);
  collectGarbage();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  // The histogram counts from its second tick on: a stall before that would go unseen.
  await new Promise((r) => setTimeout(r, 50));
  const started = performance.now();
  const cpuBefore = mainThreadCpuMs();
  if (docId) await store.compact(docId);
  else await new Promise((r) => setTimeout(r, idleMs));
  const compactMs = performance.now() - started;
  const mainCpuMs = mainThreadCpuMs() - cpuBefore;
  // Let a delayed timer fire so the last stall is counted.
  await new Promise((r) => setTimeout(r, 20));
  delay.disable();
  clearInterval(writer);
  return { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, compactMs, mainCpuMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

type Figures = Record<string, number>;
const results: Record<string, Record<string, Figures>> = {};

function report(engine: string, document: string, figures: Figures): void {
  (results[engine] ??= {})[document] = figures;
  process.stderr.write(`${JSON.stringify({ engine, document, ...figures })}\n`);
}

async function measure(engine: string, store: DocumentStore): Promise<void> {
  // Compaction threads start at first use: one small compaction first, so that thread start
  // is not counted (it is paid once, not every 500 updates).
  await storeDocument(store, 'warm-up', 10);
  await store.compact('warm-up');
  // What the loop shows with the same neighbour writing and no compaction: this machine's floor.
  const floor = await compactWhileWriting(store, null, 300);
  report(engine, 'none (floor)', {
    loopDelayMaxMs: round(floor.maxMs),
    loopDelayP99Ms: round(floor.p99Ms),
    mainCpuMsPerS: round((floor.mainCpuMs / floor.compactMs) * 1000),
  });
  for (const size of SIZES) {
    const runs: Stall[] = [];
    let bytes = 0;
    for (let r = 0; r < RUNS; r++) {
      const docId = `doc-${size.paragraphs}-${r}`;
      bytes = await storeDocument(store, docId, size.paragraphs);
      runs.push(await compactWhileWriting(store, docId));
    }
    report(engine, size.label, {
      stateKiB: Math.round(bytes / 1024),
      loopDelayMaxMs: round(median(runs.map((s) => s.maxMs))),
      loopDelayP99Ms: round(median(runs.map((s) => s.p99Ms))),
      compactWallMs: round(median(runs.map((s) => s.compactMs))),
      mainCpuMs: round(median(runs.map((s) => s.mainCpuMs))),
    });
  }
}

const engines = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['sqlite', 'postgres'];
if (engines.includes('sqlite')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-stall-'));
  const store = new SqliteDocumentStore(openDatabase(dir));
  try {
    await measure('sqlite', store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (engines.includes('postgres')) {
  const name = `stadskamer_stall_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await PostgresDocumentStore.open(url.toString());
  try {
    await measure('postgres', store);
  } finally {
    await store.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
