import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { automaticVersionBound, DEFAULT_RETENTION, versionsToDrop, type VersionStamp } from '../../server/versions/retention';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-20T12:00:00.000Z');
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();
let n = 0;
const auto = (msAgo: number): VersionStamp => ({ id: `a${++n}`, createdAt: at(msAgo), named: false });
const named = (msAgo: number): VersionStamp => ({ id: `n${++n}`, createdAt: at(msAgo), named: true });

function kept(all: VersionStamp[]): VersionStamp[] {
  const drop = new Set(versionsToDrop(all, NOW));
  return all.filter((v) => !drop.has(v.id));
}

describe('version retention (pure)', () => {
  it('keeps every automatic version of the last day and every named version of any age', () => {
    const recent = Array.from({ length: 144 }, (_, i) => auto(i * 10 * 60_000));
    const old = [named(400 * DAY), named(91 * DAY), named(2 * DAY), named(2 * DAY + 1)];
    expect(versionsToDrop([...recent, ...old], NOW)).toEqual([]);
  });

  it('keeps the last automatic version of each calendar day between one and 90 days, none older', () => {
    // Every 10 minutes for 120 days.
    const all = Array.from({ length: (120 * DAY) / (10 * 60_000) }, (_, i) => auto(i * 10 * 60_000));
    const left = kept(all);
    const olderThanADay = left.filter((v) => NOW - Date.parse(v.createdAt) > DAY);
    const days = new Set(olderThanADay.map((v) => v.createdAt.slice(0, 10)));
    expect(olderThanADay.length).toBe(days.size);
    expect(days.size).toBeLessThanOrEqual(90);
    expect(left.every((v) => NOW - Date.parse(v.createdAt) <= 90 * DAY)).toBe(true);
    // The survivor of a day is that day's last version in the thinned range.
    for (const v of olderThanADay) {
      const sameDay = all.filter((w) => w.createdAt.slice(0, 10) === v.createdAt.slice(0, 10) && NOW - Date.parse(w.createdAt) > DAY);
      expect(v.createdAt).toBe(sameDay.map((w) => w.createdAt).sort().at(-1));
    }
    expect(left.length).toBeLessThanOrEqual(automaticVersionBound(10 * 60_000));
  });

  it('holds for any set of timestamps: named stay, the bound holds, and thinning again changes nothing', () => {
    const stamp = fc.record({ agoMs: fc.integer({ min: 0, max: 200 * DAY }), named: fc.boolean() });
    fc.assert(
      fc.property(fc.array(stamp, { maxLength: 400 }), (raw) => {
        const all = raw.map((r, i) => ({ id: `v${i}`, createdAt: at(r.agoMs), named: r.named }));
        const drop = new Set(versionsToDrop(all, NOW));
        const left = all.filter((v) => !drop.has(v.id));
        expect(all.filter((v) => v.named).every((v) => !drop.has(v.id))).toBe(true);
        const autoLeft = left.filter((v) => !v.named);
        const lastDay = autoLeft.filter((v) => NOW - Date.parse(v.createdAt) <= DEFAULT_RETENTION.keepAllMs);
        expect(autoLeft.length - lastDay.length).toBeLessThanOrEqual(DEFAULT_RETENTION.dailyForDays);
        expect(lastDay.length).toBe(all.filter((v) => !v.named && NOW - Date.parse(v.createdAt) <= DAY).length);
        expect(versionsToDrop(left, NOW)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('states the bound: the last day at the quiet-period rate plus 90 daily versions', () => {
    expect(automaticVersionBound(10 * 60_000)).toBe(145 + 90);
    expect(automaticVersionBound(60 * 60_000)).toBe(25 + 90);
  });
});
