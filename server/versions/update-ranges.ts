import * as Y from 'yjs';

/** A run of Yjs ids of one client: clocks [start, end). */
export interface ClockRange {
  client: number;
  start: number;
  end: number;
}

export interface ChangedRanges {
  /** The structs the update adds (whoever sent it made them). */
  inserted: ClockRange[];
  /** The ids of the items the update deletes. */
  deleted: ClockRange[];
}

/**
 * Which ids an update inserts and which it deletes. Read from the update the room's
 * document emitted for one transaction, so it holds only what that transaction really
 * changed — never what a client merely resent.
 */
export function changedRanges(update: Uint8Array): ChangedRanges {
  const { structs, ds } = Y.decodeUpdate(update);
  const inserted: ClockRange[] = [];
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    inserted.push({ client: s.id.client, start: s.id.clock, end: s.id.clock + s.length });
  }
  const deleted: ClockRange[] = [];
  for (const [client, items] of ds.clients) {
    for (const { clock, len } of items) deleted.push({ client, start: clock, end: clock + len });
  }
  return { inserted: mergeRanges(inserted), deleted: mergeRanges(deleted) };
}

/** Sorted by client and start, touching or overlapping runs of one client joined. */
export function mergeRanges(ranges: ClockRange[]): ClockRange[] {
  const sorted = [...ranges].sort((a, b) => a.client - b.client || a.start - b.start);
  const out: ClockRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.client === r.client && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
