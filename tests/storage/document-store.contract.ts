import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../server/storage/document-store';

/**
 * What every DocumentStore promises, run against each implementation (the tldraw model:
 * one suite, many stores). `open` gives a store on a fresh database; `openSecond` another
 * store on the same database, as a second instance would have.
 */
export interface StoreFactory {
  open(): Promise<DocumentStore>;
  openSecond(): Promise<DocumentStore>;
}

/** Yjs updates that each insert `text` at the end of a shared Y.Text, as a typist would. */
function typing(texts: string[], clientId?: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const t = doc.getText('t');
  for (const s of texts) t.insert(t.length, s);
  return { updates, doc };
}

async function textOf(store: DocumentStore, docId: string): Promise<string> {
  const doc = new Y.Doc();
  for (const u of await store.loadUpdates(docId)) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

export function documentStoreContract(name: string, factory: StoreFactory): void {
  describe(`DocumentStore contract: ${name}`, () => {
    const opened: DocumentStore[] = [];
    const open = async (second = false) => {
      const s = await (second ? factory.openSecond() : factory.open());
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0).reverse()) await s.close();
    });

    it('returns nothing for a document never written', async () => {
      const store = await open();
      expect(await store.loadUpdates('nobody')).toEqual([]);
      expect(await store.countUpdates('nobody')).toBe(0);
    });

    it('gives back every update byte for byte, in the order of appending, per document', async () => {
      const store = await open();
      const a = typing(['one', 'two', 'three']).updates;
      const b = typing(['other']).updates;
      await store.appendUpdate('a', a[0]!);
      await store.appendUpdates('a', [a[1]!, a[2]!]);
      await store.appendUpdates('b', b);
      await store.appendUpdates('a', []);
      const loaded = await store.loadUpdates('a');
      expect(loaded.map((u) => Buffer.from(u).toString('hex'))).toEqual(a.map((u) => Buffer.from(u).toString('hex')));
      expect(await store.countUpdates('a')).toBe(3);
      expect(await textOf(store, 'b')).toBe('other');
    });

    it('shows one instance what another appended (a shared store)', async () => {
      const first = await open();
      const second = await open(true);
      const { updates } = typing(['from the first', ' and the second']);
      await first.appendUpdates('shared', [updates[0]!]);
      await second.appendUpdates('shared', [updates[1]!]);
      expect(await textOf(first, 'shared')).toBe('from the first and the second');
      expect(await textOf(second, 'shared')).toBe('from the first and the second');
    });

    it('compacts a document into one row with the same content, leaving others alone', async () => {
      const store = await open();
      const { updates } = typing(Array.from({ length: 40 }, (_, i) => `w${i} `));
      await store.appendUpdates('doc', updates);
      await store.appendUpdates('other', typing(['x', 'y']).updates);
      const before = await textOf(store, 'doc');
      const result = await store.compact('doc');
      expect(result).toMatchObject({ before: 40, after: 1 });
      expect(result.bytes).toBeGreaterThan(0);
      expect(await textOf(store, 'doc')).toBe(before);
      expect(await store.countUpdates('other')).toBe(2);
    });

    it('refuses to compact a document with a row that does not decode, and keeps every row', async () => {
      const store = await open();
      const { updates } = typing(['een ', 'twee ', 'drie']);
      await store.appendUpdates('doc', [updates[0]!, new Uint8Array([1, 2, 3]), updates[1]!, updates[2]!]);
      await expect(store.compact('doc')).rejects.toThrow(/1 stored update\(s\) of doc do not decode/);
      expect(await store.countUpdates('doc')).toBe(4);
      expect(await textOf(store, 'doc').catch(() => 'broken')).toBe('broken');
      // The store is still usable: another document compacts as usual.
      await store.appendUpdates('other', typing(['x', 'y']).updates);
      expect(await store.compact('other')).toMatchObject({ before: 2, after: 1 });
    });

    it('compacts several documents at once, each to its own content', async () => {
      const store = await open();
      const docs = ['a', 'b', 'c', 'd'].map((id) => ({ id, ...typing(Array.from({ length: 30 }, (_, i) => `${id}${i} `)) }));
      for (const d of docs) await store.appendUpdates(d.id, d.updates);
      const results = await Promise.all(docs.map((d) => store.compact(d.id)));
      expect(results.map((r) => r.after)).toEqual([1, 1, 1, 1]);
      for (const d of docs) expect(await textOf(store, d.id)).toBe(d.doc.getText('t').toString());
    });

    it('keeps every row appended while another instance compacts', async () => {
      const compactor = await open();
      const writer = await open(true);
      const typist = typing([], 7);
      const t = typist.doc.getText('t');
      const appended: Promise<void>[] = [];
      typist.doc.on('update', (u: Uint8Array) => appended.push(writer.appendUpdate('doc', u)));
      for (let round = 0; round < 10; round++) {
        for (let i = 0; i < 10; i++) t.insert(t.length, `${round}.${i} `);
        const compacting = compactor.compact('doc');
        for (let i = 0; i < 10; i++) t.insert(t.length, `${round}+${i} `);
        await compacting;
      }
      await Promise.all(appended);
      expect(await textOf(compactor, 'doc')).toBe(t.toString());
      await compactor.compact('doc');
      expect(await textOf(writer, 'doc')).toBe(t.toString());
      expect(await writer.countUpdates('doc')).toBe(1);
    });

    it('loads a document of 10,000 updates whole', async () => {
      const store = await open();
      const { updates, doc } = typing(Array.from({ length: 10_000 }, (_, i) => (i % 50 === 0 ? '\n' : 'x')));
      for (let i = 0; i < updates.length; i += 500) await store.appendUpdates('big', updates.slice(i, i + 500));
      expect(await store.countUpdates('big')).toBe(10_000);
      expect(await textOf(store, 'big')).toBe(doc.getText('t').toString());
    });

    it('answers ping while reachable', async () => {
      const store = await open();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
