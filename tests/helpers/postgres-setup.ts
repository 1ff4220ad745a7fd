import { randomBytes } from 'node:crypto';
import { dropRunDatabases } from './postgres';

/**
 * Global setup of the `postgres` test project: names this run (workers inherit the
 * variable) and, at the end, drops the databases its servers used.
 */
export default function setup(): () => Promise<void> {
  const run = randomBytes(4).toString('hex');
  process.env.STADSKAMER_TEST_RUN = run;
  return () => dropRunDatabases(run);
}
