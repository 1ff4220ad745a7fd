import { coldLoadScenario } from './scenarios/cold-load';
import type { Scenario } from './scenarios/common';
import { connectScenario } from './scenarios/connect';
import { editsScenario, type EditsParams } from './scenarios/edits';
import { idleScenario } from './scenarios/idle';
import { presenceScenario } from './scenarios/presence';
import type { TargetName } from './targets';

/**
 * A goal of issues #8 and #19 for one figure: either the figure itself (`value`) or our
 * figure divided by a peer's in the same run (`ratio`, the reference's unless `against`
 * says otherwise) must stay within `limit`.
 */
export interface Goal {
  figure: string;
  kind: 'ratio' | 'value';
  limit: number;
  /** `<` instead of `≤`. */
  strict?: boolean;
  against?: Exclude<TargetName, 'stadskamer'>;
}

export interface PlannedScenario {
  scenario: Scenario;
  goals: Goal[];
  /** Targets run for this scenario only, after the others (e.g. our server unhardened). */
  variants?: TargetName[];
}

const CPU_GOAL: Goal = { figure: 'cpuMsPer1kDeliveries', kind: 'ratio', limit: 0.66 };
/** Issue #19: ahead of Hocuspocus, the peer users would pick instead. */
const ahead = (figure: string): Goal => ({ figure, kind: 'ratio', limit: 1, strict: true, against: 'hocuspocus' });

/** Short runs on a shared machine: fewer clients or seconds than the full plan. */
export interface PlanOverrides {
  /** Client counts of the edit scenarios. */
  sizes?: number[];
  /** Clients in the presence storm and the cursors scenario. */
  presenceClients?: number;
  durationMs?: number;
}

/** The full plan is issue #8's list; `quick` keeps its shape at a size for development. */
export function buildPlan(quick: boolean, overrides: PlanOverrides = {}): PlannedScenario[] {
  const durationMs = overrides.durationMs ?? (quick ? 3_000 : 20_000);
  const drainTimeoutMs = quick ? 10_000 : 120_000;
  const edits = (clients: number, writers: number, cursorMovesPerSecond = 0): EditsParams => ({
    clients,
    writers,
    editsPerSecond: 5,
    cursorMovesPerSecond,
    durationMs,
    drainTimeoutMs,
  });
  const sizes = overrides.sizes ?? (quick ? [20, 50] : [50, 200, 500]);
  const writerCounts = quick ? [5, 10] : [10, 50];
  const largest = sizes[sizes.length - 1]!;
  const awarenessClients = overrides.presenceClients ?? (quick ? 50 : 200);
  const plan: PlannedScenario[] = [];
  for (const n of sizes) {
    for (const w of writerCounts) {
      const goals = [CPU_GOAL, ahead('cpuMsPer1kDeliveries')];
      if (n === largest && w === writerCounts[writerCounts.length - 1]) goals.push({ figure: 'p99Ms', kind: 'value', limit: 50, strict: true });
      // The hardening's price (issue #19 item 7) at the size of the cursors scenario.
      const variants: TargetName[] = n === awarenessClients && w === writerCounts[0] ? ['unhardened'] : [];
      plan.push({ scenario: editsScenario(edits(n, w)), goals, variants });
    }
  }
  plan.push({
    scenario: editsScenario(edits(awarenessClients, writerCounts[0]!, 1)),
    goals: [CPU_GOAL, ahead('cpuMsPer1kDeliveries'), { figure: 'p99Ms', kind: 'ratio', limit: 0.5 }, { figure: 'p99Ms', kind: 'value', limit: 10 }, ahead('p99Ms')],
    variants: ['unhardened'],
  });
  plan.push({
    scenario: connectScenario({ clients: quick ? 100 : 500 }),
    goals: [{ figure: 'totalMs', kind: 'ratio', limit: 0.9 }, ahead('totalMs')],
  });
  plan.push({
    scenario: coldLoadScenario({ paragraphs: quick ? 2_000 : 20_000, repeats: quick ? 3 : 5 }),
    goals: [{ figure: 'receivedMsMedian', kind: 'value', limit: 15 }],
  });
  plan.push({
    scenario: idleScenario({ connections: quick ? 100 : 1_000, documents: quick ? 10 : 100, settleMs: quick ? 1_000 : 3_000 }),
    goals: [
      { figure: 'rssKiBPerConnection', kind: 'value', limit: 16 },
      { figure: 'rssAtStartMiB', kind: 'ratio', limit: 1.2 },
    ],
  });
  plan.push({
    scenario: presenceScenario({ clients: overrides.presenceClients ?? (quick ? 50 : 500), durationMs }),
    goals: [{ figure: 'cpuPercentOfCore', kind: 'value', limit: 30, strict: true }, ahead('cpuPercentOfCore'), { figure: 'bytesPerEntry', kind: 'ratio', limit: 2 }],
  });
  return plan;
}
