import { cpuSeconds, machineBusySeconds, rssBytes } from '../proc-stats';
import { MiB, range, round, sleep, specFor, type Scenario } from './common';

const WARM_UP_CLIENTS = 20;

/** N fresh clients open one (empty) document at the same instant; time until the last synced. */
export function connectScenario(p: { clients: number }): Scenario {
  return {
    id: `connect-${p.clients}`,
    title: `${p.clients} clients connect and sync to one document`,
    params: { ...p },
    async run({ target, pool }) {
      const [warmDoc, doc] = await target.prepareDocuments('connect', 2);
      // A long-running server has its code paths compiled; a fresh process has not.
      await pool.connect(range(WARM_UP_CLIENTS).map((i) => specFor(target, i, warmDoc!)), 60_000);
      await pool.disconnectAll();
      await sleep(500);
      const specs = range(p.clients).map((i) => specFor(target, i, doc!));
      const cpu0 = cpuSeconds(target.pid);
      const busy0 = machineBusySeconds();
      const loadgen0 = (await pool.collect()).cpuSeconds;
      const r = await pool.connect(specs, 120_000);
      const cpu = cpuSeconds(target.pid) - cpu0;
      const loadgen = (await pool.collect()).cpuSeconds - loadgen0;
      const other = machineBusySeconds() - busy0 - cpu - loadgen;
      if (r.failed > 0) throw new Error(`${r.failed} clients did not sync`);
      const figures = {
        totalMs: round(r.lastSyncedAt - r.startAt, 1),
        firstMs: round(r.firstSyncedAt - r.startAt, 1),
        serverCpuS: round(cpu, 3),
        loadgenCpuS: round(loadgen, 2),
        otherCpuS: round(Math.max(0, other), 2),
        serverRssMiB: round(rssBytes(target.pid) / MiB, 1),
      };
      await pool.disconnectAll();
      return figures;
    },
  };
}
