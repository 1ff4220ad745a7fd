/**
 * Which versions retention removes (issue 14): every named version stays; automatic ones
 * are all kept for `keepAllMs`, then one per calendar day (UTC, the day's last) until
 * `dailyForDays`, and none after that. Pure, so it is tested with any clock.
 *
 * Bound: a document keeps its named versions, the automatic versions of the last day and
 * at most `dailyForDays` more (see README "Version history").
 */
export interface RetentionPolicy {
  keepAllMs: number;
  dailyForDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_RETENTION: RetentionPolicy = { keepAllMs: DAY_MS, dailyForDays: 90 };

export interface VersionStamp {
  id: string;
  /** ISO time. */
  createdAt: string;
  named: boolean;
}

/** The ids to remove, given every version of one document. */
export function versionsToDrop(versions: readonly VersionStamp[], now: number, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const drop: string[] = [];
  const dayKept = new Map<string, VersionStamp>();
  for (const v of versions) {
    if (v.named) continue;
    const at = Date.parse(v.createdAt);
    const age = now - at;
    if (age <= policy.keepAllMs) continue;
    if (age > policy.dailyForDays * DAY_MS) {
      drop.push(v.id);
      continue;
    }
    const day = new Date(at).toISOString().slice(0, 10);
    const kept = dayKept.get(day);
    if (!kept) {
      dayKept.set(day, v);
    } else if (later(v, kept)) {
      drop.push(kept.id);
      dayKept.set(day, v);
    } else {
      drop.push(v.id);
    }
  }
  return drop;
}

function later(a: VersionStamp, b: VersionStamp): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

/**
 * The most automatic versions one document can hold under `policy` when they are at least
 * `minIntervalMs` apart (quiet-period versions are VERSION_QUIET_MS apart): those of the
 * last day, both ends included, and one per day for `dailyForDays` days.
 */
export function automaticVersionBound(minIntervalMs: number, policy: RetentionPolicy = DEFAULT_RETENTION): number {
  return Math.floor(policy.keepAllMs / minIntervalMs) + 1 + policy.dailyForDays;
}
