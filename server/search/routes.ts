import { Hono } from 'hono';
import { SearchQuery } from '../../shared/search';
import { signedIn } from '../auth/middleware';
import type { ApiEnv } from '../api/context';
import { readQuery } from '../api/validate';
import type { SearchIndex } from './search-index';

/** `GET /api/search?q=`: across every workspace the caller belongs to, and no other. */
export function searchRoutes(index: SearchIndex): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/api/search', async (c) => {
    const { user } = signedIn(c);
    const { q, ...filters } = readQuery(c, SearchQuery);
    return c.json({ results: await index.search(user.id, q, filters) });
  });
  return app;
}
