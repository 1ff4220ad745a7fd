import type { Goal } from './plan';
import type { Figures } from './scenarios/common';
import type { TargetName } from './targets';

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

export interface Row {
  scenario: string;
  figure: string;
  ours: number | null;
  reference: number | null;
  ratio: number | null;
  /** Our server from another checkout, when the run had one, and ours divided by it. */
  baseline?: number | null;
  vsBaseline?: number | null;
  goal: string;
  verdict: 'pass' | 'FAIL' | '';
}

function figuresOf(outcome: TargetOutcome | undefined): Figures | null {
  return outcome && 'figures' in outcome ? outcome.figures : null;
}

export function goalText(g: Goal): string {
  return `${g.kind === 'ratio' ? 'ratio ' : ''}${g.strict ? '<' : '≤'} ${g.limit}`;
}

/** One row per figure, with the ratio ours/reference and the verdict where a goal applies. */
export function rows(record: BenchRecord): Row[] {
  const out: Row[] = [];
  for (const s of record.scenarios) {
    const ours = figuresOf(s.results.stadskamer);
    const ref = figuresOf(s.results.reference);
    const base = figuresOf(s.results.baseline);
    const names = [...new Set([...Object.keys(ours ?? {}), ...Object.keys(ref ?? {})])];
    for (const figure of names) {
      const a = ours?.[figure] ?? null;
      const b = ref?.[figure] ?? null;
      const ratio = a !== null && b !== null && b !== 0 ? Math.round((a / b) * 100) / 100 : null;
      const goal = s.goals.find((g) => g.figure === figure);
      let verdict: Row['verdict'] = '';
      if (goal) {
        const x = goal.kind === 'ratio' ? ratio : a;
        const ok = x !== null && (goal.strict ? x < goal.limit : x <= goal.limit);
        verdict = ok ? 'pass' : 'FAIL';
      }
      const row: Row = { scenario: s.id, figure, ours: a, reference: b, ratio, goal: goal ? goalText(goal) : '', verdict };
      if (base) {
        row.baseline = base[figure] ?? null;
        row.vsBaseline = a !== null && row.baseline !== null && row.baseline !== 0 ? Math.round((a / row.baseline) * 100) / 100 : null;
      }
      out.push(row);
    }
    for (const [target, outcome] of Object.entries(s.results)) {
      if (outcome && 'error' in outcome) out.push({ scenario: s.id, figure: `${target} failed: ${outcome.error}`, ours: null, reference: null, ratio: null, goal: '', verdict: 'FAIL' });
    }
  }
  return out;
}

const fmt = (v: number | null) => (v === null ? '—' : String(v));

/** A fixed-width table for the terminal. */
export function renderTable(record: BenchRecord): string {
  const all = rows(record);
  const withBase = all.some((r) => r.baseline !== undefined);
  const header = ['scenario', 'figure', 'stadskamer', 'reference', 'ratio', ...(withBase ? ['baseline', 'vs base'] : []), 'goal', ''];
  const body = all.map((r) => [r.scenario, r.figure, fmt(r.ours), fmt(r.reference), fmt(r.ratio), ...(withBase ? [fmt(r.baseline ?? null), fmt(r.vsBaseline ?? null)] : []), r.goal, r.verdict]);
  const numeric = withBase ? 6 : 4;
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
