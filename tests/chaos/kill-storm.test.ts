import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced } from '../helpers/clients';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { prng } from './fuzz-frames';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const STORM_MS = Number(process.env.STORM_MS ?? 30_000);
const children: ChildServer[] = [];
afterAll(() => children.forEach((c) => c.process.kill('SIGKILL')));

describe('SIGKILL during a write storm', () => {
  it('keeps every edit that any client had received', async () => {
    const dataDir = tempDataDir();
    const first = await startChildServer({ DATA_DIR: dataDir });
    children.push(first);
    const { token, documentId } = await createDocumentFor(first.url);
    const writers = [0, 1, 2].map(() => connectClient(first.wsUrl, documentId, { token }));
    const observer = connectClient(first.wsUrl, documentId, { token });
    await Promise.all([...writers, observer].map((c) => synced(c.provider)));

    // Three writers at about 100 edits/s each, text and structure mixed.
    let n = 0;
    const timers = writers.map((w, i) =>
      setInterval(() => {
        w.doc.getArray<string>('items').push([`w${i}-${n++}`]);
        w.doc.getText('t').insert(0, String(i));
      }, 10),
    );
    const killAt = Math.floor(STORM_MS * (0.2 + 0.7 * prng(SEED)()));
    await new Promise((r) => setTimeout(r, killAt));
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    timers.forEach(clearInterval);
    const seenItems = observer.doc.getArray<string>('items').toArray();
    const seenTextLength = observer.doc.getText('t').length;
    [...writers, observer].forEach((c) => c.provider.destroy());
    expect(seenItems.length).toBeGreaterThan(100);

    const second = await startChildServer({ DATA_DIR: dataDir });
    children.push(second);
    const reader = connectClient(second.wsUrl, documentId, { token });
    await synced(reader.provider);
    const stored = new Set(reader.doc.getArray<string>('items').toArray());
    expect(seenItems.filter((x) => !stored.has(x))).toEqual([]);
    expect(reader.doc.getText('t').length).toBeGreaterThanOrEqual(seenTextLength);
    reader.provider.destroy();
  });
});
