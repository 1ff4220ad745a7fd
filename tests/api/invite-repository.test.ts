import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InviteRepository, type Redemption } from '../../server/members/invite-repository';
import { SQL_DIALECTS } from '../helpers/sql';
import { openSeeded, seedUser, type SqlInstances } from '../helpers/sql-stores';

describe.each(SQL_DIALECTS)('invite links in the relational store (%s)', (dialect) => {
  let store: SqlInstances;
  /** Two instances' repositories on one database. */
  let a: InviteRepository;
  let b: InviteRepository;
  let owner: string;
  let wid: string;

  beforeEach(async () => {
    ({ store, owner, wid } = await openSeeded(dialect));
    a = new InviteRepository(store.a.db);
    b = new InviteRepository(store.b.db);
  });
  afterEach(() => store.dispose());

  const invite = (repo = a, maxUses: number | null = null, expiresInHours = 24) =>
    repo.create({ workspaceId: wid, role: 'editor', createdBy: owner, expiresInHours, maxUses, email: null });
  const roleOf = async (userId: string) =>
    (await store.a.db.selectFrom('members').select('role').where('workspace_id', '=', wid).where('user_id', '=', userId).executeTakeFirst())?.role;

  it('a single-use link admits exactly one of six people racing on two instances', async () => {
    const link = await invite(a, 1);
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => seedUser(store.a.db, `Persoon ${i}`)));
    const results = await Promise.all(people.map((p, i) => (i % 2 ? b : a).redeem(link.id, p)));
    const joined = results.filter((r) => r.outcome === 'joined');
    expect(joined).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'used_up')).toHaveLength(5);
    const members = await store.a.db.selectFrom('members').select('user_id').where('workspace_id', '=', wid).where('user_id', '!=', owner).execute();
    expect(members).toHaveLength(1);
    expect(await a.findById(link.id)).toMatchObject({ uses: 1, max_uses: 1 });
    const uses = await store.a.db.selectFrom('invite_uses').select('user_id').execute();
    expect(uses.map((u) => u.user_id)).toEqual(members.map((m) => m.user_id));
  });

  it('one person redeeming the same link twice at once joins once; a multi-use link admits everyone', async () => {
    const link = await invite(a, null);
    const person = await seedUser(store.a.db);
    const twice = await Promise.all([a.redeem(link.id, person), b.redeem(link.id, person)]);
    expect(twice.map((r) => r.outcome).sort()).toEqual(['already_member', 'joined']);
    expect(twice.every((r: Redemption) => 'role' in r && r.role === 'editor')).toBe(true);
    const others = await Promise.all([1, 2, 3].map(() => seedUser(store.a.db)));
    expect((await Promise.all(others.map((p, i) => (i % 2 ? a : b).redeem(link.id, p)))).map((r) => r.outcome)).toEqual(['joined', 'joined', 'joined']);
    expect(await a.findById(link.id)).toMatchObject({ uses: 4, max_uses: null });
  });

  it('refuses a revoked, an expired and a used-before link; a member keeps their role', async () => {
    const person = await seedUser(store.a.db);
    const revoked = await invite();
    expect(await a.revoke(revoked.id)).toBe(true);
    expect(await b.revoke(revoked.id)).toBe(false);
    expect(await a.redeem(revoked.id, person)).toEqual({ outcome: 'revoked' });
    const expired = await invite(a, null, -1);
    expect(await a.redeem(expired.id, person)).toEqual({ outcome: 'expired' });
    const link = await invite();
    expect(await a.redeem(link.id, person)).toEqual({ outcome: 'joined', role: 'editor' });
    expect(await a.redeem(link.id, owner)).toEqual({ outcome: 'already_member', role: 'owner' });
    // Removed, then back with the same link: refused.
    await store.a.db.deleteFrom('members').where('user_id', '=', person).execute();
    expect(await a.refusal((await a.findById(link.id))!, person)).toBe('used_before');
    expect(await a.redeem(link.id, person)).toEqual({ outcome: 'used_before' });
    expect(await roleOf(person)).toBeUndefined();
    expect(await a.redeem('unknown', person)).toEqual({ outcome: 'revoked' });
  });

  it('lists open links newest first a page at a time, also when made in the same millisecond on two instances', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await invite(i % 2 ? b : a)).id);
    // Racing inserts draw the same next seq on PostgreSQL; the loser draws again.
    const raced = await Promise.all([invite(a), invite(b), invite(a), invite(b)]);
    const used = await invite(a, 1);
    await a.redeem(used.id, await seedUser(store.a.db));
    const revoked = await invite(b);
    await b.revoke(revoked.id);
    const seen: string[] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await a.listOpen(wid, { limit: 2, cursor });
      seen.push(...page.map((r) => r.id));
      if (page.length < 2) break;
      cursor = page.at(-1)!.seq;
    }
    expect(seen.slice(-3)).toEqual([...made].reverse());
    expect(new Set(seen.slice(0, 4))).toEqual(new Set(raced.map((r) => r.id)));
    expect(seen).toHaveLength(7);
    const found = await a.findByToken((await invite()).token);
    expect(found).toMatchObject({ workspace_name: expect.stringContaining('Atelier'), creator_name: 'Olivia' });
    expect(await a.findByToken('not-a-token')).toBeUndefined();
  });
});
