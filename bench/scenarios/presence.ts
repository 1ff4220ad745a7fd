import { now } from '../ipc';
import { cpuSeconds, machineBusySeconds, rssBytes, writeSyscalls } from '../proc-stats';
import { MiB, range, round, sleep, specFor, type Scenario } from './common';

/** Every client moves its cursor once a second (awareness only); server CPU over that window. */
export function presenceScenario(p: { clients: number; durationMs: number }): Scenario {
  return {
    id: `presence-${p.clients}`,
    title: `presence storm: ${p.clients} clients each moving their cursor 1/s`,
    params: { ...p },
    async run({ target, pool }) {
      const [doc] = await target.prepareDocuments('presence', 1);
      // Like a real app's clients, each puts its user's name and colour in its state.
      const r = await pool.connect(range(p.clients).map((i) => ({ ...specFor(target, i, doc!), user: { name: 'Bench', color: '#1d4ed8' } })), 120_000);
      if (r.failed > 0) throw new Error(`${r.failed} clients did not sync`);
      await sleep(1000);
      await pool.resetCounters();
      const loadgen0 = (await pool.collect()).cpuSeconds;
      const busy0 = machineBusySeconds();
      const cpu0 = cpuSeconds(target.pid);
      const writes0 = writeSyscalls(target.pid);
      const t0 = now();
      const activity = await pool.activity({ writers: [], editsPerSecond: 0, cursorMovesPerSecond: 1, durationMs: p.durationMs, startInMs: 20 });
      const cpu = cpuSeconds(target.pid) - cpu0;
      const writes = writeSyscalls(target.pid) - writes0;
      const wallS = (now() - t0) / 1000;
      const busy = machineBusySeconds() - busy0;
      const collected = await pool.collect();
      const loadgen = collected.cpuSeconds - loadgen0;
      const figures = {
        cpuPercentOfCore: round((100 * cpu) / wallS, 1),
        cursorMoves: activity.cursorMoves,
        framesDelivered: collected.framesIn,
        serverWrites: writes,
        mibDelivered: round(collected.bytesIn / MiB, 1),
        // Of every move, how many of the other clients heard of it within the window.
        entriesPerMovePerPeer: round(collected.awarenessEntriesIn / Math.max(1, activity.cursorMoves * (p.clients - 1)), 3),
        bytesPerEntry: collected.awarenessEntriesIn > 0 ? round(collected.bytesIn / collected.awarenessEntriesIn, 1) : null,
        serverRssMiB: round(rssBytes(target.pid) / MiB, 1),
        loadgenCpuS: round(loadgen, 2),
        otherCpuS: round(Math.max(0, busy - cpu - loadgen), 2),
        scheduleLagMaxMs: round(activity.maxScheduleLagMs, 1),
      };
      await pool.disconnectAll();
      return figures;
    },
  };
}
