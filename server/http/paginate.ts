import type { Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../shared/pagination';
import type { Member } from '../../shared/api';
import { ROLES } from '../../shared/roles';
import { AppError } from './errors';
import { readQuery } from './validation';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(1000).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** One part of a sort key; a list's key is a tuple of these, each ascending or descending. */
type KeyPart = string | number;

export interface Ordering<T> {
  key(item: T): KeyPart[];
  /** 'desc' for a part that runs newest/largest first. */
  directions: ('asc' | 'desc')[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

function compare(a: KeyPart[], b: KeyPart[], directions: ('asc' | 'desc')[]): number {
  for (let i = 0; i < directions.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const less = x < y ? -1 : 1;
    return directions[i] === 'desc' ? -less : less;
  }
  return 0;
}

export const encodeCursor = (key: KeyPart[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string, width: number): KeyPart[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === width && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // Falls through to the 422 below.
  }
  throw new AppError(422, 'invalid_field', 'cursor is not one this server gave out', 'cursor');
}

/**
 * The page of `items` after the cursor. The cursor holds the sort key of the last item
 * sent, not a position: items added or removed meanwhile shift nothing, so a walk through
 * every page sees each item that stayed exactly once. The key must end with a unique id.
 */
export function paginate<T>(items: T[], ordering: Ordering<T>, query: PageQuery): Page<T> {
  const keyed = items.map((item) => ({ item, key: ordering.key(item) }));
  keyed.sort((a, b) => compare(a.key, b.key, ordering.directions));
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, ordering.directions.length);
  const rest = after === null ? keyed : keyed.filter((k) => compare(k.key, after, ordering.directions) > 0);
  const page = rest.slice(0, query.limit);
  const more = rest.length > query.limit;
  return { items: page.map((k) => k.item), nextCursor: more ? encodeCursor(page[page.length - 1]!.key) : null };
}

/** Items with a creation time and an id, newest first. */
export const NEWEST_FIRST: Ordering<{ createdAt: string; id: string }> = {
  key: (item) => [item.createdAt, item.id],
  directions: ['desc', 'desc'],
};

/** Items with a creation time and an id, oldest first. */
export const OLDEST_FIRST: Ordering<{ createdAt: string; id: string }> = {
  key: (item) => [item.createdAt, item.id],
  directions: ['asc', 'asc'],
};

/** Members strongest role first, then by name (as the members panel shows them). */
export const MEMBERS_BY_ROLE: Ordering<Member> = {
  key: (m) => [ROLES.indexOf(m.role), m.user.name.toLocaleLowerCase('nl'), m.user.id],
  directions: ['asc', 'asc', 'asc'],
};

/** `?limit=&cursor=` of this request, validated (422 names the field). */
export function pageQuery(c: Context): PageQuery {
  return readQuery(c, PageQuery);
}
