import { createHash } from 'node:crypto';

/**
 * Cursor and avatar colours: dark enough for white text and for a caret on white
 * (contrast ≥ 4.5:1), distinct from one another at a glance.
 */
const PALETTE = [
  '#b91c1c', // red
  '#c2410c', // orange
  '#a16207', // amber
  '#4d7c0f', // lime
  '#15803d', // green
  '#0f766e', // teal
  '#0e7490', // cyan
  '#1d4ed8', // blue
  '#4338ca', // indigo
  '#7e22ce', // purple
  '#a21caf', // fuchsia
  '#be185d', // pink
] as const;

/** The same user always gets the same colour, on every instance and after every restart. */
export function colorForUser(userId: string): string {
  const n = createHash('sha256').update(userId).digest().readUInt32BE(0);
  return PALETTE[n % PALETTE.length]!;
}
