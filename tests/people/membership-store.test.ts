import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository, SoleOwnerError } from '../../server/accounts/account-repository';
import { UserRepository, type UserRow } from '../../server/auth/users';
import { PeopleRepository } from '../../server/people/people-repository';
import { LastOwnerError, MemberRepository } from '../../server/workspaces/members';
import { WorkspaceRepository } from '../../server/workspaces/workspaces';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';

/** Workspaces, members and "wie weet wat", the same on both engines (issue 18). */
describe.each(SQL_DIALECTS)('workspaces, members and people in the relational store (%s)', (dialect) => {
  let store: TestSql;
  let users: UserRepository;
  let workspaces: WorkspaceRepository;
  let members: MemberRepository;
  let serial = 0;
  const person = (name: string, organization = 'Stad Gent') =>
    users.create({ email: `m${++serial}@gent.be`, passwordHash: 'h', name, organization });

  beforeAll(async () => {
    store = await openTestSql(dialect);
    users = new UserRepository(store.db);
    workspaces = new WorkspaceRepository(store.db);
    members = new MemberRepository(store.db);
  });
  afterAll(() => store.dispose());

  /** A workspace with two owners, for the races below. */
  async function twoOwners(): Promise<{ id: string; a: UserRow; b: UserRow }> {
    const a = await person('Eigenaar A');
    const b = await person('Eigenaar B');
    const ws = await workspaces.create({ name: 'Samen', description: '', ownerId: a.id });
    await members.add(ws.id, b.id, 'owner');
    return { id: ws.id, a, b };
  }
  const owners = async (workspaceId: string) => (await members.list(workspaceId)).filter((m) => m.role === 'owner').length;

  it('shows a workspace to its members only, newest first, and not once it is in the trash', async () => {
    const owner = await person('Lotte');
    const outsider = await person('Buitenstaander');
    const older = await workspaces.create({ name: 'Ouder', description: 'eerst', ownerId: owner.id });
    const newer = await workspaces.create({ name: 'Nieuwer', description: '', ownerId: owner.id });
    await store.db.updateTable('workspaces').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', older.id).execute();
    expect(await workspaces.findForMember(older.id, owner.id)).toMatchObject({ name: 'Ouder', description: 'eerst', role: 'owner' });
    expect(await workspaces.findForMember(older.id, outsider.id)).toBeUndefined();
    expect(await workspaces.findForMember('no-such-workspace', owner.id)).toBeUndefined();
    expect((await workspaces.listForUser(owner.id)).map((w) => w.id)).toEqual([newer.id, older.id]);
    expect(await workspaces.listForUser(outsider.id)).toEqual([]);
    await store.db.updateTable('workspaces').set({ deleted_at: new Date().toISOString() }).where('id', '=', newer.id).execute();
    expect(await workspaces.findForMember(newer.id, owner.id)).toBeUndefined();
    expect((await workspaces.listForUser(owner.id)).map((w) => w.id)).toEqual([older.id]);
  });

  it('adds members once (someone who belongs keeps their role) and lists them by role, then name', async () => {
    const owner = await person('zeno');
    const ws = await workspaces.create({ name: 'Lijst', description: '', ownerId: owner.id });
    const anna = await person('anna');
    const bert = await person('Bert');
    expect(await members.add(ws.id, bert.id, 'viewer')).toEqual({ role: 'viewer', joined: true });
    expect(await members.add(ws.id, anna.id, 'viewer')).toEqual({ role: 'viewer', joined: true });
    expect(await members.add(ws.id, owner.id, 'participant')).toEqual({ role: 'owner', joined: false });
    expect((await members.list(ws.id)).map((m) => m.user.name)).toEqual(['zeno', 'anna', 'Bert']);
    expect([...(await members.userIds(ws.id))].sort()).toEqual([owner.id, anna.id, bert.id].sort());
  });

  it('changes and removes members, reporting the role they had; a stranger is no member', async () => {
    const { id, a, b } = await twoOwners();
    const stranger = await person('Vreemde');
    expect(await members.change(id, b.id, 'editor')).toBe('owner');
    expect(await members.role(id, b.id)).toBe('editor');
    expect(await members.change(id, b.id, null)).toBe('editor');
    expect(await members.role(id, b.id)).toBeUndefined();
    expect(await members.change(id, stranger.id, 'editor')).toBeUndefined();
    expect(await members.role(id, stranger.id)).toBeUndefined();
    await expect(members.change(id, a.id, 'editor')).rejects.toBeInstanceOf(LastOwnerError);
    await expect(members.change(id, a.id, null)).rejects.toBeInstanceOf(LastOwnerError);
    expect(await members.role(id, a.id)).toBe('owner');
  });

  it('keeps an owner when two owners demote or remove each other at the same moment', async () => {
    for (let round = 0; round < 8; round++) {
      const { id, a, b } = await twoOwners();
      const results = await Promise.allSettled([members.change(id, a.id, round % 2 ? null : 'editor'), members.change(id, b.id, 'viewer')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused && refused.reason).toBeInstanceOf(LastOwnerError);
      expect(await owners(id)).toBe(1);
    }
  });

  it('keeps an owner when one owner deletes their account while the other leaves', async () => {
    const accounts = new AccountRepository(store.db);
    for (let round = 0; round < 6; round++) {
      const { id, a, b } = await twoOwners();
      const editor = await person('Blijver');
      await members.add(id, editor.id, 'editor');
      const results = await Promise.allSettled([accounts.deleteAccount(a.id), members.change(id, b.id, null)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused && refused.reason).toSatisfy((e: unknown) => e instanceof LastOwnerError || e instanceof SoleOwnerError);
      expect(await owners(id)).toBe(1);
    }
  });

  describe('who knows what', () => {
    it('lists the people someone shares a workspace with, by name, never strangers', async () => {
      const people = new PeopleRepository(store.db, store.dialect);
      const lotte = await person('lotte', 'Kenniscentrum');
      const karim = await person('Karim', 'Stad Gent');
      const stranger = await person('Aaron Vreemd');
      const ws = await workspaces.create({ name: 'Wonen', description: '', ownerId: lotte.id });
      const second = await workspaces.create({ name: 'Ook wonen', description: '', ownerId: lotte.id });
      await members.add(ws.id, karim.id, 'editor');
      await members.add(second.id, karim.id, 'viewer');
      await workspaces.create({ name: 'Elders', description: '', ownerId: stranger.id });
      expect((await people.sharingWith(lotte.id)).map((p) => p.name)).toEqual(['Karim', 'lotte']);
      expect(await people.sharingWith(stranger.id)).toEqual([{ id: stranger.id, name: 'Aaron Vreemd', organization: 'Stad Gent' }]);
    });

    it('finds contributions from document and comment events, only in the viewer’s workspaces', async () => {
      const people = new PeopleRepository(store.db, store.dialect);
      const viewer = await person('Kijker');
      const author = await person('Auteur');
      const outsider = await person('Buiten');
      const ws = await workspaces.create({ name: 'Mobiliteit', description: '', ownerId: viewer.id });
      await members.add(ws.id, author.id, 'editor');
      const hidden = await workspaces.create({ name: 'Geheim', description: '', ownerId: outsider.id });
      const doc = async (workspaceId: string, id: string, title: string, tags: string[]) =>
        store.db.insertInto('documents').values({
          id, workspace_id: workspaceId, kind: 'note', title, tags: JSON.stringify(tags),
          created_by: viewer.id, created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
        }).execute();
      await doc(ws.id, `${dialect}-fiets`, 'Fietsstraten', ['fiets']);
      await doc(hidden.id, `${dialect}-geheim`, 'Geheim plan', ['fiets']);
      const event = (workspaceId: string, type: string, actor: UserRow, subject: string, data: object, at: string) =>
        store.db.insertInto('events').values({
          workspace_id: workspaceId, type, actor: JSON.stringify({ id: actor.id, name: actor.name, organization: actor.organization }),
          subject, data: JSON.stringify(data), at,
        }).execute();
      await event(ws.id, 'document.created', author, `${dialect}-fiets`, {}, '2024-01-01T10:00:00.000Z');
      await event(ws.id, 'comment.created', viewer, 'thread-1', { documentId: `${dialect}-fiets` }, '2024-01-02T10:00:00.000Z');
      await event(ws.id, 'document.updated', author, `${dialect}-fiets`, { fields: ['content'] }, '2024-01-03T10:00:00.000Z');
      await event(ws.id, 'member.joined', author, author.id, {}, '2024-01-04T10:00:00.000Z');
      await event(hidden.id, 'document.created', outsider, `${dialect}-geheim`, {}, '2024-01-05T10:00:00.000Z');
      const byUser = (x: { userId: string }, y: { userId: string }) => (x.userId < y.userId ? -1 : 1);
      const rows = (await people.contributionsVisibleTo(viewer.id)).sort(byUser);
      expect(rows).toEqual(
        [
          { userId: author.id, documentId: `${dialect}-fiets`, title: 'Fietsstraten', kind: 'note', tags: ['fiets'], workspaceName: 'Mobiliteit', at: '2024-01-03T10:00:00.000Z' },
          { userId: viewer.id, documentId: `${dialect}-fiets`, title: 'Fietsstraten', kind: 'note', tags: ['fiets'], workspaceName: 'Mobiliteit', at: '2024-01-02T10:00:00.000Z' },
        ].sort(byUser),
      );
      expect(await people.contributionsVisibleTo(outsider.id)).toEqual([
        { userId: outsider.id, documentId: `${dialect}-geheim`, title: 'Geheim plan', kind: 'note', tags: ['fiets'], workspaceName: 'Geheim', at: '2024-01-05T10:00:00.000Z' },
      ]);
    });
  });
});
