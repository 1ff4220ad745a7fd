import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../storage/sql/tables';

/**
 * Serialises changes to who owns a workspace, for "a workspace always keeps an owner".
 *
 * On PostgreSQL (READ COMMITTED) a check-then-write transaction is not enough: two owners
 * demoting each other at once each see the other still owner and both commit (write skew),
 * and a single conditional UPDATE has the same blind spot. So every change that can take
 * an owner away first row-locks the workspace with a no-op UPDATE (portable, unlike
 * SELECT … FOR UPDATE); the second change waits, and its checks then see the first's
 * result. The lock does not block member inserts (their foreign-key check only needs a
 * key-share lock). On SQLite the transaction's BEGIN IMMEDIATE already serialises writers.
 * Several workspaces are locked in id order so two such transactions cannot deadlock.
 * The per-workspace template cap takes the same lock, so that its count and insert are one
 * step (server/templates/template-repository.ts).
 */
export async function lockWorkspaces(trx: Transaction<Tables> | Kysely<Tables>, workspaceIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(workspaceIds)].sort()) {
    await trx
      .updateTable('workspaces')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', id)
      .execute();
  }
}
