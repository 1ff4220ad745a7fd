import { Hono } from 'hono';
import { SearchQuery } from '../../shared/search';
import { requireUser, type AppEnv } from '../http/access';
import { readQuery } from '../http/validation';
import type { SearchIndex } from './search-index';

/** `GET /api/search?q=`: across every workspace the caller belongs to, and no other. */
export function searchRoutes(index: SearchIndex): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/search', requireUser, async (c) => {
    const { q, ...filters } = readQuery(c, SearchQuery);
    return c.json({ results: await index.search(c.var.user.id, q, filters) });
  });
  return app;
}
