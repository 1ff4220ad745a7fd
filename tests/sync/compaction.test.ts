import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import * as Y from 'yjs';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { createDocumentFor } from '../helpers/api';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer({ COMPACT_AFTER_UPDATES: '1000' });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(() => server.close());

function storedRows(documentId: string): number {
  const db = new BetterSqlite3(path.join(server.dataDir, 'stadskamer.db'), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM doc_updates WHERE doc_id = ?').pluck().get(documentId) as number;
  } finally {
    db.close();
  }
}

describe('compaction', () => {
  it('compacts thousands of small updates and a reload gives identical content', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const a = connectClient(wsUrl, documentId, { token });
    await synced(a.provider);
    const text = a.doc.getText('t');
    const fragment = a.doc.getXmlFragment('default');
    for (let i = 0; i < 3000; i++) {
      if (i % 10 === 0) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(`alinea ${i}`)]);
        fragment.insert(fragment.length, [p]);
      } else {
        text.insert(text.length, String.fromCharCode(97 + (i % 26)));
      }
      if (i % 7 === 0 && text.length > 2) text.delete(0, 1);
      // Let the socket drain now and then, as typing would.
      if (i % 200 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const expectedText = text.toString();
    const expectedXml = fragment.toString();
    await waitFor(() => storedRows(documentId) < 1000, 15_000, 'compaction');
    // Every update went through; the log holds far fewer rows than updates.
    await new Promise((r) => setTimeout(r, 300));
    expect(storedRows(documentId)).toBeLessThan(1000);
    a.provider.destroy();

    // Unload, then load again from storage.
    await new Promise((r) => setTimeout(r, 400));
    const b = connectClient(wsUrl, documentId, { token });
    await synced(b.provider);
    expect(b.doc.getText('t').toString()).toBe(expectedText);
    expect(b.doc.getXmlFragment('default').toString()).toBe(expectedXml);
    b.provider.destroy();
  });
});
