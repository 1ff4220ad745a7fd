import { Hono } from 'hono';
import { PeopleQuery } from '../../shared/people';
import { requireUser, type AppEnv } from '../http/access';
import { readQuery } from '../http/validation';
import type { Sql } from '../storage/sql/open-sql';
import { peopleDirectory } from './people-directory';
import { PeopleRepository } from './people-repository';

/** `GET /api/people`: who knows what, across the workspaces the caller shares with them. */
export function peopleRoutes(sql: Pick<Sql, 'db' | 'dialect'>): Hono<AppEnv> {
  const repo = new PeopleRepository(sql.db, sql.dialect);
  const app = new Hono<AppEnv>();
  app.get('/api/people', requireUser, async (c) => {
    const filters = readQuery(c, PeopleQuery);
    return c.json({ people: await peopleDirectory(repo, c.var.user.id, filters) });
  });
  return app;
}
