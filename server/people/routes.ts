import { Hono } from 'hono';
import { PeopleQuery } from '../../shared/people';
import { requireUser, type AppEnv } from '../http/access';
import { readQuery } from '../http/validation';
import type { Database } from '../storage/db';
import { peopleDirectory } from './people-directory';
import { PeopleRepository } from './people-repository';

/** `GET /api/people`: who knows what, across the workspaces the caller shares with them. */
export function peopleRoutes(db: Database): Hono<AppEnv> {
  const repo = new PeopleRepository(db);
  const app = new Hono<AppEnv>();
  app.get('/api/people', requireUser, async (c) => {
    const filters = readQuery(c, PeopleQuery);
    return c.json({ people: await peopleDirectory(repo, c.var.user.id, filters) });
  });
  return app;
}
