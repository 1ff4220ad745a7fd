import type { Db } from '../../server/storage/sql/open-sql';
import type { Role } from '../../shared/roles';

const NOW = '2026-03-01T09:00:00.000Z';

/** Rows the comment, notification, event and search repositories hang off, written straight into the store. */
export async function seedUser(db: Db, id: string, extra: { name?: string; organization?: string; notifyMail?: string } = {}): Promise<string> {
  await db
    .insertInto('users')
    .values({
      id,
      email: `${id}@example.be`,
      password_hash: 'x',
      name: extra.name ?? `Persoon ${id}`,
      organization: extra.organization ?? 'Stad Gent',
      created_at: NOW,
      ...(extra.notifyMail ? { notify_mail: extra.notifyMail } : {}),
    })
    .execute();
  return id;
}

export async function seedWorkspace(db: Db, id: string, ownerId: string, name = `Werkruimte ${id}`): Promise<string> {
  await db.insertInto('workspaces').values({ id, name, description: '', created_by: ownerId, created_at: NOW }).execute();
  await seedMember(db, id, ownerId, 'owner');
  return id;
}

export async function seedMember(db: Db, workspaceId: string, userId: string, role: Role = 'editor'): Promise<void> {
  await db.insertInto('members').values({ workspace_id: workspaceId, user_id: userId, role, joined_at: NOW }).execute();
}

export async function seedDocument(db: Db, id: string, workspaceId: string, createdBy: string, title = `Document ${id}`): Promise<string> {
  await db
    .insertInto('documents')
    .values({ id, workspace_id: workspaceId, kind: 'recommendation', title, created_by: createdBy, created_at: NOW, updated_at: NOW })
    .execute();
  return id;
}
