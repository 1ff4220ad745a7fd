/**
 * SIGKILL while a compaction worker is merging and rewriting a document's rows (SQLite, the
 * worker on its own connection): whatever moment the kill lands on, the file holds either
 * the old rows or the merged one, and every row appended meanwhile. Three rounds, each
 * killed as the server logs that it starts compacting a ~2 MB document (its merge alone
 * takes a few hundred milliseconds), with writers typing throughout.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced } from '../helpers/clients';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { plantContent } from '../hostile/fixtures/plant';

const PARAGRAPHS = 37_000;
const ROUNDS = 3;
const ENV = { COMPACT_AFTER_UPDATES: '100', LOG_LEVEL: 'debug' };
const children: ChildServer[] = [];
afterAll(() => children.forEach((c) => c.process.kill('SIGKILL')));

function fillParagraphs(doc: Y.Doc): void {
  const blocks = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`${i + 1} alinea`)]);
    return p;
  });
  doc.getXmlFragment('default').insert(0, blocks);
}

/** Resolves once `server` logged the start of a compaction and was killed right then. */
function killAtNextCompaction(server: ChildServer): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      if (!chunk.toString().includes('"event":"storage.compacting"')) return;
      server.process.stdout!.off('data', onData);
      server.process.kill('SIGKILL');
      resolve();
    };
    server.process.stdout!.on('data', onData);
  });
}

describe('SIGKILL during compaction', () => {
  it('loses no row, whether the worker had read, merged or was rewriting', async () => {
    const dataDir = tempDataDir();
    const first = await startChildServer({ DATA_DIR: dataDir, ...ENV });
    children.push(first);
    const { token, documentId } = await createDocumentFor(first.url);
    expect(plantContent(dataDir, documentId, fillParagraphs)).toBeGreaterThan(1_500_000);

    const seen: string[] = [];
    let server = first;
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        server = await startChildServer({ DATA_DIR: dataDir, ...ENV });
        children.push(server);
      }
      const writers = [0, 1].map(() => connectClient(server.wsUrl, documentId, { token }));
      const observer = connectClient(server.wsUrl, documentId, { token });
      await Promise.all([...writers, observer].map((c) => synced(c.provider)));
      // Everything of earlier rounds survived the kill that ended them.
      const stored = new Set(observer.doc.getArray<string>('items').toArray());
      expect(seen.filter((x) => !stored.has(x))).toEqual([]);
      expect(observer.doc.getXmlFragment('default').length).toBe(PARAGRAPHS);

      const killed = killAtNextCompaction(server);
      let n = 0;
      const timers = writers.map((w, i) => setInterval(() => w.doc.getArray<string>('items').push([`r${round}-w${i}-${n++}`]), 5));
      await killed;
      expect(await server.exited).toBe('SIGKILL');
      timers.forEach(clearInterval);
      seen.push(...observer.doc.getArray<string>('items').toArray());
      [...writers, observer].forEach((c) => c.provider.destroy());
      // The kill landed before the worker finished: that compaction never reported back.
      const started = server.logs.findLastIndex((l) => l.includes('"event":"storage.compacting"'));
      expect(server.logs.slice(started).some((l) => l.includes('"event":"storage.compacted"'))).toBe(false);
    }
    expect(seen.length).toBeGreaterThan(100);

    const last = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    children.push(last);
    const reader = connectClient(last.wsUrl, documentId, { token });
    await synced(reader.provider);
    const stored = new Set(reader.doc.getArray<string>('items').toArray());
    expect(seen.filter((x) => !stored.has(x))).toEqual([]);
    expect(reader.doc.getXmlFragment('default').length).toBe(PARAGRAPHS);
    reader.provider.destroy();
  });
});
