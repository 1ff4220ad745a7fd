/**
 * `npm run bench:search`: how long a search takes over 10,000 documents, for one member who
 * belongs to every workspace: in SQLite (FTS5 over Dutch stems), or with DATABASE_URL set in
 * that (empty) PostgreSQL database (tsvector over the same stems). Prints p50/p95/p99 per
 * query shape. A measurement, not a test: run it on a quiet machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../server/storage/db';
import { openSql } from '../server/storage/sql/open-sql';
import { searchIndexFor } from '../server/search/search-feature';
import type { SearchEntry } from '../server/search/search-index';

const DOCUMENTS = Number(process.env.DOCUMENTS ?? 10_000);
const WORKSPACES = 40;
const RUNS = 200;

const CITIES = ['Aalst', 'Antwerpen', 'Brugge', 'Genk', 'Gent', 'Hasselt', 'Kortrijk', 'Leuven', 'Mechelen', 'Oostende', 'Roeselare', 'Sint-Niklaas', 'Turnhout'];
const WORDS = (
  'wonen huisvesting sociale woningen wachtlijsten burgerbegroting participatie buurten verkeersveiligheid schoolomgevingen ' +
  'beleidsmatige keuzes bestuurlijke capaciteit netwerkbestuur samenwerking Vlaamse overheid steden middelen personeel ' +
  'kerken herbestemming leegstand innovatie digitale dienstverlening superdiversiteit samenleven jeugd armoede klimaat ' +
  'energie renovatie mobiliteit fietsstraten openbaar vervoer gezondheid zorg onderwijs werk economie cultuur sport'
).split(' ');

// Most of a text is the language's common words; each document is about a few topics.
const FILLER = 'de het een en van in op voor met dat die zijn wordt worden niet ook als bij door naar om over tot uit aan nog meer kan moet we ze er dan of maar'.split(' ');

function rnd(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-bench-search-'));
  const sqlite = process.env.DATABASE_URL ? undefined : openDatabase(dir);
  const store = await openSql({ databaseUrl: process.env.DATABASE_URL, sqlite });
  const { db } = store;
  const rand = rnd(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const now = new Date().toISOString();
  await db.insertInto('users').values({ id: 'u', email: 'u@example.be', password_hash: 'x', name: 'U', organization: 'Stad Gent', created_at: now }).execute();
  for (let w = 0; w < WORKSPACES; w++) {
    await db.insertInto('workspaces').values({ id: `w${w}`, name: `Werkruimte ${w}`, description: '', created_by: 'u', created_at: now }).execute();
    await db.insertInto('members').values({ workspace_id: `w${w}`, user_id: 'u', role: 'editor', joined_at: now }).execute();
  }
  const index = searchIndexFor(store);
  const started = performance.now();
  // SQLite: one transaction around the bulk load (the server indexes one document at a time).
  sqlite?.exec('BEGIN');
  const loading: Promise<void>[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const topics = [pick(WORDS), pick(WORDS), pick(WORDS)];
    const body = Array.from({ length: 400 }, () => (rand() < 0.06 ? pick(topics) : pick(FILLER))).join(' ') + ' ' + pick(CITIES);
    const entry: SearchEntry = {
      key: `doc:d${d}`,
      type: 'document',
      workspaceId: `w${d % WORKSPACES}`,
      documentId: `d${d}`,
      threadId: null,
      title: `Aanbevelingen ${pick(WORDS)} ${pick(CITIES)}`,
      body,
      tags: [pick(WORDS), pick(WORDS)],
      kind: 'recommendation',
      status: 'draft',
      organizations: [`Stad ${pick(CITIES)}`],
      updatedAt: now,
    };
    loading.push(index.replaceDocument(entry.documentId, [entry]));
    // PostgreSQL: a few documents in flight at once, as several editors would cause.
    if (loading.length >= 8) await Promise.all(loading.splice(0));
  }
  await Promise.all(loading);
  sqlite?.exec('COMMIT');
  // Fresh statistics, as autovacuum has them a minute after a bulk load: without them the
  // planner walks every entry of the member's workspaces instead of the GIN index.
  if (store.dialect === 'postgres') await sql`ANALYZE`.execute(db);
  const indexMs = performance.now() - started;
  const queries = ['burgerbegroting', 'verkeersveilige schoolomgeving', 'beleid', 'wonen Gent', 'herbestemming kerken Leuven', 'zzzz'];
  console.log(`${store.dialect}: indexed ${DOCUMENTS} documents (about 400 words each, three topics) in ${(indexMs / 1000).toFixed(1)} s`);
  console.log('query'.padEnd(34), 'hits', 'p50 ms', 'p95 ms', 'p99 ms');
  for (const q of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      hits = (await index.search('u', q, { limit: 20 })).length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
    console.log(q.padEnd(34), String(hits).padStart(4), at(0.5).padStart(6), at(0.95).padStart(6), at(0.99).padStart(6));
  }
  await store.close();
  sqlite?.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
