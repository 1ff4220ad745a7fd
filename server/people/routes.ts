import { Hono } from 'hono';
import { PeopleQuery } from '../../shared/people';
import { signedIn } from '../auth/middleware';
import type { ApiEnv } from '../api/context';
import { readQuery } from '../api/validate';
import type { Database } from '../storage/db';
import { peopleDirectory } from './people-directory';
import { PeopleRepository } from './people-repository';

/** `GET /api/people`: who knows what, across the workspaces the caller shares with them. */
export function peopleRoutes(db: Database): Hono<ApiEnv> {
  const repo = new PeopleRepository(db);
  const app = new Hono<ApiEnv>();
  app.get('/api/people', async (c) => {
    const { user } = signedIn(c);
    const filters = readQuery(c, PeopleQuery);
    return c.json({ people: await peopleDirectory(repo, user.id, filters) });
  });
  return app;
}
