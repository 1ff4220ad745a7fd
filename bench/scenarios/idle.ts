import { rssBytes } from '../proc-stats';
import { MiB, range, round, sleep, specFor, type Scenario } from './common';

const WARM_UP_CLIENTS = 10;
/** How long a fresh server is left alone before its resident memory counts as idle. */
const START_SETTLE_MS = 5_000;

/**
 * Idle connections spread over many documents: the server's resident memory growth per
 * connection, after a warm-up so that code loading and first allocations are not counted.
 * First, the resident memory of the fresh process before any request or client
 * (`rssAtStartMiB`): what an instance costs just for running.
 */
export function idleScenario(p: { connections: number; documents: number; settleMs: number }): Scenario {
  return {
    id: `idle-${p.connections}`,
    title: `${p.connections} idle connections over ${p.documents} documents`,
    params: { ...p },
    async run({ target, pool }) {
      await sleep(START_SETTLE_MS);
      const atStart = rssBytes(target.pid);
      const [warmDoc, ...docs] = await target.prepareDocuments('idle', p.documents + 1);
      await pool.connect(range(WARM_UP_CLIENTS).map((i) => specFor(target, i, warmDoc!)), 60_000);
      await sleep(p.settleMs);
      const before = rssBytes(target.pid);
      const specs = range(p.connections, WARM_UP_CLIENTS).map((i) => specFor(target, i, docs[i % docs.length]!));
      const r = await pool.connect(specs, 120_000);
      if (r.failed > 0) throw new Error(`${r.failed} clients did not sync`);
      await sleep(p.settleMs);
      const after = rssBytes(target.pid);
      const figures = {
        rssKiBPerConnection: round((after - before) / 1024 / p.connections, 1),
        rssAtStartMiB: round(atStart / MiB, 1),
        rssBeforeMiB: round(before / MiB, 1),
        rssAfterMiB: round(after / MiB, 1),
        connectAllMs: round(r.lastSyncedAt - r.startAt, 0),
      };
      await pool.disconnectAll();
      return figures;
    },
  };
}
