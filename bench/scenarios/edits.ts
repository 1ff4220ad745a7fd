import { quantile } from '../histogram';
import { now, type ProbeResult } from '../ipc';
import { cpuSeconds, machineBusySeconds, peakRssBytes, rssBytes, systemCpuSeconds, writeSyscalls } from '../proc-stats';
import { MiB, range, round, sleep, specFor, type Scenario } from './common';

export interface EditsParams {
  clients: number;
  writers: number;
  editsPerSecond: number;
  /** Cursor (awareness) moves per second per client; 0 = only the provider's own awareness. */
  cursorMovesPerSecond: number;
  durationMs: number;
  drainTimeoutMs: number;
}

/**
 * One document, N clients, W of them writing. Each edit carries its send time; every
 * other client records the delay when it sees the edit. Server CPU covers the writing
 * and the drain until every client holds every edit.
 */
export function editsScenario(p: EditsParams): Scenario {
  const cursors = p.cursorMovesPerSecond > 0;
  return {
    id: `edits-${p.clients}x${p.writers}${cursors ? '-cursors' : ''}`,
    title: `${p.clients} clients, ${p.writers} writers × ${p.editsPerSecond} edits/s${cursors ? `, every client moving its cursor ${p.cursorMovesPerSecond}/s` : ''}`,
    params: { ...p },
    async run({ target, pool, log }) {
      const [doc] = await target.prepareDocuments('edits', 1);
      const specs = range(p.clients).map((i) => specFor(target, i, doc!));
      const connected = await pool.connect(specs, 120_000);
      if (connected.failed > 0) throw new Error(`${connected.failed} clients did not sync`);
      // The join-time awareness of N clients is not part of the steady state measured here.
      await sleep(1000);
      await pool.resetCounters();
      const loadgenCpu0 = (await pool.collect()).cpuSeconds;
      const cpu0 = cpuSeconds(target.pid);
      const sys0 = systemCpuSeconds(target.pid);
      const writes0 = writeSyscalls(target.pid);
      const busy0 = machineBusySeconds();
      const t0 = now();
      const activity = await pool.activity({
        writers: range(p.writers),
        editsPerSecond: p.editsPerSecond,
        cursorMovesPerSecond: p.cursorMovesPerSecond,
        durationMs: p.durationMs,
      });
      const converge = await pool.converge(activity.editsSent, p.drainTimeoutMs);
      const cpu = cpuSeconds(target.pid) - cpu0;
      const sys = systemCpuSeconds(target.pid) - sys0;
      const writes = writeSyscalls(target.pid) - writes0;
      const wallS = (now() - t0) / 1000;
      const busy = machineBusySeconds() - busy0;
      const collected = await pool.collect();
      const loadgenCpu = collected.cpuSeconds - loadgenCpu0;
      const probe = await pool.first().request<ProbeResult>({ op: 'probe', client: specFor(target, -100, doc!), timeoutMs: 20_000 });
      const converged =
        converge.incomplete === 0 &&
        converge.stateVectors.length === 1 &&
        probe.stateVector === converge.stateVectors[0] &&
        probe.edits === activity.editsSent;
      if (!converged) log(`  not converged: ${JSON.stringify({ ...converge, stateVectors: converge.stateVectors.length, probeEdits: probe.edits })}`);
      const figures = {
        p50Ms: round(quantile(collected.latency, 0.5)),
        p95Ms: round(quantile(collected.latency, 0.95)),
        p99Ms: round(quantile(collected.latency, 0.99)),
        maxMs: round(collected.latency.max),
        editsSent: activity.editsSent,
        deliveriesExpected: activity.editsSent * (p.clients - 1),
        deliveriesObserved: collected.observedEdits,
        converged: converged ? 1 : 0,
        // When not converged: did the server hold every edit (clients still draining) or not?
        serverHasAllEdits: probe.edits === activity.editsSent ? 1 : 0,
        clientsBehindAtEnd: converge.incomplete,
        serverCpuS: round(cpu, 3),
        serverSystemCpuS: round(sys, 3),
        cpuMsPer1kDeliveries: collected.observedEdits > 0 ? round((cpu * 1e6) / collected.observedEdits, 2) : null,
        framesDelivered: collected.framesIn,
        writesPer1kDeliveries: collected.observedEdits > 0 ? round((writes * 1000) / collected.observedEdits, 1) : null,
        cpuMsPer1kFrames: collected.framesIn > 0 ? round((cpu * 1e6) / collected.framesIn, 2) : null,
        serverRssMiB: round(rssBytes(target.pid) / MiB, 1),
        serverPeakRssMiB: round(peakRssBytes(target.pid) / MiB, 1),
        connectAllMs: round(connected.lastSyncedAt - connected.startAt, 0),
        loadgenCpuS: round(loadgenCpu, 2),
        // Busy CPU of everything else on the machine in the same window (other users, the OS).
        otherCpuS: round(Math.max(0, busy - cpu - loadgenCpu), 2),
        windowS: round(wallS, 2),
        scheduleLagMaxMs: round(activity.maxScheduleLagMs, 1),
      };
      await pool.disconnectAll();
      return figures;
    },
  };
}
