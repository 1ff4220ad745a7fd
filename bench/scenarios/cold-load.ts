import type { ColdLoadSample, SeedResult } from '../ipc';
import { round, specFor, type Scenario } from './common';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A large text document (TipTap paragraphs) is loaded by fresh clients while the server
 * holds it; our server is then restarted and one more fresh client loads it from storage.
 */
export function coldLoadScenario(p: { paragraphs: number; repeats: number }): Scenario {
  return {
    id: `cold-load-${p.paragraphs}`,
    title: `a fresh client loads a document of ${p.paragraphs} paragraphs`,
    params: { ...p },
    async run({ target, pool }) {
      const [doc] = await target.prepareDocuments('cold', 1);
      const worker = pool.first();
      const seeded = await worker.request<SeedResult>({ op: 'seed', client: specFor(target, 1_000_000, doc!), paragraphs: p.paragraphs, timeoutMs: 60_000 });
      const load = () =>
        worker.request<ColdLoadSample[]>({ op: 'coldLoad', client: specFor(target, 1_000_001, doc!), repeats: p.repeats, expectParagraphs: p.paragraphs, timeoutMs: 60_000 });
      const warm = await load();
      const figures: Record<string, number | null> = {
        docBytes: seeded.bytes,
        frameBytes: warm[0]!.frameBytes,
        receivedMsFirst: round(warm[0]!.receivedMs),
        receivedMsMedian: round(median(warm.map((s) => s.receivedMs))),
        syncedMsMedian: round(median(warm.map((s) => s.syncedMs))),
        fromStorageReceivedMs: null,
        fromStorageSyncedMs: null,
      };
      await pool.disconnectAll();
      if (target.restart) {
        await target.restart();
        const [cold] = await worker.request<ColdLoadSample[]>({
          op: 'coldLoad',
          client: specFor(target, 1_000_001, doc!),
          repeats: 1,
          expectParagraphs: p.paragraphs,
          timeoutMs: 60_000,
        });
        figures.fromStorageReceivedMs = round(cold!.receivedMs);
        figures.fromStorageSyncedMs = round(cold!.syncedMs);
      }
      return figures;
    },
  };
}
