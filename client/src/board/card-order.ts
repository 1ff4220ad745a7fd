/**
 * A card's place in its column. New places are `fractional-indexing` keys (strings that
 * sort as text and always have room between two of them), so hundreds of drops into one
 * gap never run out of precision as floats did after about fifty.
 *
 * Boards made before keep their float orders and are read as they are: numbers sort before
 * keys, keys before cards without an order. A move never rewrites another person's card;
 * it only picks a value that lands between its neighbours, a number when it must go
 * before a legacy number, a key otherwise.
 */
import { generateKeyBetween } from 'fractional-indexing';

export type CardOrder = string | number | null;

/** Reads what is stored: a finite number (legacy), a string key, or nothing usable. */
export function readOrder(value: unknown): CardOrder {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value !== '') return value;
  return null;
}

const rank = (o: CardOrder) => (typeof o === 'number' ? 0 : typeof o === 'string' ? 1 : 2);

/** Total order: legacy numbers, then keys (compared as plain strings, as the library requires), then none. */
export function compareOrders(a: CardOrder, b: CardOrder): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return 0;
}

/** A key strictly between two keys, picked at random among a few slots in the gap. */
function keyBetween(before: string | null, after: string | null): string {
  // Two people dropping into the same gap at once would get the same key from the library
  // (it is deterministic); a few random halvings make that unlikely, and equal keys are
  // still ordered by card age and id.
  let lo = before;
  let hi = after;
  let key = generateKeyBetween(lo, hi);
  for (let i = 0; i < 2; i++) {
    if (Math.random() < 0.5) hi = key;
    else lo = key;
    key = generateKeyBetween(lo, hi);
  }
  return key;
}

/**
 * The order for a card put at `at` among a column's arranged `orders` (without the card).
 * Equal neighbours (two concurrent drops got one key) have no gap between them: the card
 * then goes after the equal group. Legacy floats that ran out of precision give a tie,
 * which sorts by card age and id like any tie.
 */
export function orderAt(orders: CardOrder[], at: number): string | number {
  const before = orders[at - 1] ?? null;
  let next = at;
  while (before !== null && next < orders.length && compareOrders(orders[next]!, before) <= 0) next++;
  const after = orders[next] ?? null;
  if (typeof after === 'number') {
    // Only a number sorts before a legacy number.
    return typeof before === 'number' ? before + (after - before) / 2 : after - 1;
  }
  return keyBetween(typeof before === 'string' ? before : null, after);
}
