import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { databaseFor } from '../helpers/postgres';
import path from 'node:path';
import * as Y from 'yjs';
import { connectClient, synced } from '../helpers/clients';
import { roundTrip } from '../helpers/barrier';
import { createDocumentFor } from '../helpers/api';
import { startTestServer } from '../helpers/server';

const COMPACT_AFTER = 1000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer({ COMPACT_AFTER_UPDATES: String(COMPACT_AFTER), ROOM_GRACE_MS: '100' });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(() => server.close());

/** One number from the store this server writes to: SQLite, or PostgreSQL in the `postgres` project. */
async function count(sql: string, documentId: string, seq = 0): Promise<number> {
  if (process.env.TEST_STORE === 'postgres') {
    const client = new pg.Client({ connectionString: await databaseFor(path.resolve(server.dataDir)) });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string | null }>(sql.replace('?', '$1').replace('?', '$2'), [documentId, seq]);
      return Number(rows[0]!.n ?? 0);
    } finally {
      await client.end();
    }
  }
  const db = new BetterSqlite3(path.join(server.dataDir, 'stadskamer.db'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(documentId, seq) as number;
  } finally {
    db.close();
  }
}
const storedRows = (documentId: string) => count('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ? AND seq > ?', documentId);
const maxSeq = (documentId: string) => count('SELECT MAX(seq) AS n FROM doc_updates WHERE doc_id = ? AND seq > ?', documentId);
const rowsUpTo = (documentId: string, seq: number) => count('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ? AND seq <= ?', documentId, seq);

/** How many documents this server holds in memory, from its own metrics. */
async function loadedDocuments(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('stadskamer_loaded_documents '));
  if (!line) throw new Error('no loaded_documents metric');
  return Number(line.split(' ')[1]);
}

/** `count` small edits, each its own update (and its own stored row), text and paragraphs mixed. */
function edit(doc: Y.Doc, from: number, count: number): void {
  const text = doc.getText('t');
  const fragment = doc.getXmlFragment('default');
  for (let i = from; i < from + count; i++) {
    if (i % 10 === 0) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`alinea ${i}`)]);
      fragment.insert(fragment.length, [p]);
    } else {
      text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    }
    if (i % 7 === 0 && text.length > 2) text.delete(0, 1);
  }
}

describe('compaction', () => {
  it('merges the stored log once it passes the threshold, unloads the room, and a reload gives identical content', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const a = connectClient(wsUrl, documentId, { token });
    await synced(a.provider);

    let updates = 0;
    a.doc.on('update', () => updates++);

    // Below the threshold: every update is a row of its own.
    edit(a.doc, 0, 700);
    await roundTrip(a.provider); // every update sent so far is stored
    const before = await storedRows(documentId);
    expect(updates).toBeLessThan(COMPACT_AFTER);
    expect(before).toBe(updates);
    const lastSeqBefore = await maxSeq(documentId);

    // Across the threshold: the rows so far are merged into one.
    edit(a.doc, 700, 400); // more than enough updates to pass the threshold
    await roundTrip(a.provider);
    await vi.waitFor(
      async () => expect(await rowsUpTo(documentId, lastSeqBefore)).toBe(0),
      { timeout: 15_000, interval: 20 },
    );
    const after = await storedRows(documentId);
    // One merged row plus the updates that arrived after the merge read the log; without
    // compaction there would be one row per update.
    expect(updates).toBeGreaterThan(COMPACT_AFTER);
    expect(after).toBeLessThanOrEqual(1 + updates - before);
    expect(after).toBeLessThan(before);
    const expectedText = a.doc.getText('t').toString();
    const expectedXml = a.doc.getXmlFragment('default').toString();
    a.provider.destroy();

    // The room unloads once empty; the next client loads it from storage alone.
    await vi.waitFor(async () => expect(await loadedDocuments()).toBe(0), { timeout: 5_000, interval: 20 });
    const b = connectClient(wsUrl, documentId, { token });
    await synced(b.provider);
    expect(await loadedDocuments()).toBe(1);
    expect(b.doc.getText('t').toString()).toBe(expectedText);
    expect(b.doc.getXmlFragment('default').toString()).toBe(expectedXml);
    b.provider.destroy();
  });
});
