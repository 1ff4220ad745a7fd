/**
 * What the compaction worker (compaction-worker.ts) is asked to do. `sqlite`: the whole
 * compaction, read and write included, on a connection of its own to the database file.
 * `merge`: only the merge of rows the caller read (PostgreSQL, whose store then deletes
 * exactly those rows): they travel as one buffer, moved rather than copied.
 */
export type CompactionTask = { kind: 'sqlite'; file: string; docId: string } | { kind: 'merge'; docId: string; packed: Uint8Array; lengths: number[] };

/** Many updates as one buffer and their lengths: one transfer instead of a copy per row. */
export function packUpdates(rows: Uint8Array[]): { packed: Uint8Array; lengths: number[] } {
  const lengths = rows.map((r) => r.byteLength);
  const packed = new Uint8Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const r of rows) {
    packed.set(r, at);
    at += r.byteLength;
  }
  return { packed, lengths };
}

export function unpackUpdates(packed: Uint8Array, lengths: number[]): Uint8Array[] {
  const rows: Uint8Array[] = [];
  let at = 0;
  for (const n of lengths) {
    rows.push(packed.subarray(at, at + n));
    at += n;
  }
  return rows;
}
