import type { AuthorshipRun, RunKind } from './authorship-repository';

/** Finds, for a Yjs id, the person who inserted or deleted it (binary search over sorted runs). */
export class RunIndex {
  private readonly byKey = new Map<string, AuthorshipRun[]>();

  constructor(runs: Iterable<AuthorshipRun>) {
    for (const r of runs) {
      const key = `${r.kind}:${r.client}`;
      let list = this.byKey.get(key);
      if (!list) this.byKey.set(key, (list = []));
      list.push(r);
    }
    for (const list of this.byKey.values()) list.sort((a, b) => a.start - b.start);
  }

  /** Who inserted (or deleted) client:clock; null when no run covers it. */
  personAt(kind: RunKind, client: number, clock: number): string | null {
    const list = this.byKey.get(`${kind}:${client}`);
    if (!list) return null;
    // The last run starting at or before `clock`; runs of one client and kind do not overlap.
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= clock) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const run = found >= 0 ? list[found]! : undefined;
    return run && clock < run.end ? run.userId : null;
  }

  /** Clocks strictly inside (start, end) where the person may change. */
  cuts(client: number, start: number, end: number, out: number[]): void {
    for (const kind of ['insert', 'delete'] as const) {
      for (const r of this.byKey.get(`${kind}:${client}`) ?? []) {
        if (r.start > start && r.start < end) out.push(r.start);
        if (r.end > start && r.end < end) out.push(r.end);
      }
    }
  }
}
