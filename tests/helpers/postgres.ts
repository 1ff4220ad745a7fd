import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server tests use: TEST_DATABASE_URL (CI starts its own cluster and sets
 * it), else the machine's cluster on 5432. Like Redis, it must answer: no silent skip.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Names carry the run (set by tests/helpers/postgres-setup.ts) so its teardown drops them all. */
const RUN = process.env.STADSKAMER_TEST_RUN ?? 'adhoc';

/** A fresh database with a unique name on the test server; `drop` removes it. */
export async function createTestDatabase(adminUrl = TEST_DATABASE_URL): Promise<TestDatabase> {
  const name = `stadskamer_test_${RUN}_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL does not answer at ${adminUrl} (set TEST_DATABASE_URL): ${(err as Error).message}`);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const perDataDir = new Map<string, Promise<string>>();

/** The database of one data directory (created on first use, kept until the run ends). */
export function databaseFor(dataDir: string): Promise<string> {
  let url = perDataDir.get(dataDir);
  if (!url) {
    url = createTestDatabase().then((d) => d.url);
    perDataDir.set(dataDir, url);
  }
  return url;
}

/** Drops every database a run created (its global teardown). */
export async function dropRunDatabases(run: string, adminUrl = TEST_DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `stadskamer_test_${run}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
