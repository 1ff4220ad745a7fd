/**
 * Pagination of every list answer (CONTRACT §2): `?limit=&cursor=` in, the answer's usual
 * shape plus `nextCursor` (null on the last page) out. The cursor is opaque to clients.
 * No zod here: the web client imports this file.
 */

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** Every page of a list, following `nextCursor` until the last. */
export async function allPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}
