import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/storage/sql/open-sql';

/** Rows a version needs to exist beside (its document, that document's workspace and creator). */
export async function seedDocument(db: Db, kind: 'recommendation' | 'note' | 'board' = 'recommendation'): Promise<{ documentId: string; userId: string }> {
  const suffix = randomBytes(6).toString('hex');
  const now = new Date().toISOString();
  const userId = `u-${suffix}`;
  await db.insertInto('users').values({ id: userId, email: `${suffix}@gent.be`, password_hash: 'x', name: `Persoon ${suffix}`, organization: 'Stad Gent', created_at: now }).execute();
  await db.insertInto('workspaces').values({ id: `w-${suffix}`, name: 'Atelier', description: '', created_by: userId, created_at: now }).execute();
  const documentId = `d-${suffix}`;
  await db
    .insertInto('documents')
    .values({ id: documentId, workspace_id: `w-${suffix}`, kind, title: 'Aanbevelingen', created_by: userId, created_at: now, updated_at: now })
    .execute();
  return { documentId, userId };
}
