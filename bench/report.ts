import type { Goal } from './plan';
import type { Figures } from './scenarios/common';
import { TARGET_NAMES, type TargetName } from './targets';

export type TargetOutcome = { figures: Figures } | { error: string };

export interface ScenarioRecord {
  id: string;
  title: string;
  params: Record<string, number | string | boolean>;
  goals: Goal[];
  /** When this scenario started (a record may merge re-runs of single scenarios). */
  ranAt?: string;
  results: Partial<Record<TargetName, TargetOutcome>>;
}

export interface BenchRecord {
  version: 1;
  mode: 'quick' | 'full';
  startedAt: string;
  finishedAt: string;
  commit: string | null;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  workers: number;
  scenarios: ScenarioRecord[];
  /** Stadskamer-only measurements with no reference counterpart (board storm, two instances). */
  extras?: Record<string, unknown>;
}

/** Every target but ours, in the order of their columns. */
export const PEERS = TARGET_NAMES.filter((t): t is Exclude<TargetName, 'stadskamer'> => t !== 'stadskamer');
export type Peer = (typeof PEERS)[number];

export interface Row {
  scenario: string;
  figure: string;
  ours: number | null;
  /** Each other target's figure in the same scenario, and ours divided by it. */
  peers: Partial<Record<Peer, { value: number | null; ratio: number | null }>>;
  goal: string;
  verdict: 'pass' | 'FAIL' | '';
}

function figuresOf(outcome: TargetOutcome | undefined): Figures | null {
  return outcome && 'figures' in outcome ? outcome.figures : null;
}

export function goalText(g: Goal): string {
  const against = g.kind === 'ratio' && g.against && g.against !== 'reference' ? ` vs ${g.against}` : '';
  return `${g.kind === 'ratio' ? 'ratio ' : ''}${g.strict ? '<' : '≤'} ${g.limit}${against}`;
}

const ratioOf = (a: number | null, b: number | null) => (a !== null && b !== null && b !== 0 ? Math.round((a / b) * 100) / 100 : null);

/** One row per figure, with ours divided by each peer's and the verdict where a goal applies. */
export function rows(record: BenchRecord): Row[] {
  const out: Row[] = [];
  for (const s of record.scenarios) {
    const ours = figuresOf(s.results.stadskamer);
    const others = PEERS.flatMap((p) => {
      const f = figuresOf(s.results[p]);
      return f ? [[p, f] as const] : [];
    });
    const names = [...new Set([...Object.keys(ours ?? {}), ...others.flatMap(([, f]) => Object.keys(f))])];
    // A goal per figure and peer (older records have one goal per figure, against the reference).
    const goals = s.goals.map((g) => ({ ...g, against: g.against ?? 'reference' }));
    for (const figure of names) {
      const a = ours?.[figure] ?? null;
      const peers: Row['peers'] = {};
      for (const [p, f] of others) peers[p] = { value: f[figure] ?? null, ratio: ratioOf(a, f[figure] ?? null) };
      const mine = goals.filter((g) => g.figure === figure);
      if (mine.length === 0) out.push({ scenario: s.id, figure, ours: a, peers, goal: '', verdict: '' });
      for (const goal of mine) {
        const x = goal.kind === 'ratio' ? (peers[goal.against]?.ratio ?? null) : a;
        const ok = x !== null && (goal.strict ? x < goal.limit : x <= goal.limit);
        out.push({ scenario: s.id, figure, ours: a, peers, goal: goalText(goal), verdict: ok ? 'pass' : 'FAIL' });
      }
    }
    for (const [target, outcome] of Object.entries(s.results)) {
      if (outcome && 'error' in outcome) out.push({ scenario: s.id, figure: `${target} failed: ${outcome.error}`, ours: null, peers: {}, goal: '', verdict: 'FAIL' });
    }
  }
  return out;
}

/** The peers that took part in a run, in column order. */
export function peersIn(record: BenchRecord): Peer[] {
  return PEERS.filter((p) => record.scenarios.some((s) => s.results[p]));
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** A fixed-width table for the terminal: ours, then each peer's figure and ours ÷ it. */
export function renderTable(record: BenchRecord): string {
  const all = rows(record);
  const peers = peersIn(record);
  const header = ['scenario', 'figure', 'stadskamer', ...peers.flatMap((p) => [p, `÷${p}`]), 'goal', ''];
  const body = all.map((r) => [r.scenario, r.figure, fmt(r.ours), ...peers.flatMap((p) => [fmt(r.peers[p]?.value), fmt(r.peers[p]?.ratio)]), r.goal, r.verdict]);
  const numeric = 2 + peers.length * 2;
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= numeric ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  let last = '';
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of body) {
    if (row[0] !== last && last !== '') lines.push('');
    lines.push(line(row[0] === last ? ['', ...row.slice(1)] : row));
    last = row[0]!;
  }
  return lines.join('\n');
}
