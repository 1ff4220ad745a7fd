import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository, SoleOwnerError, sessionId } from '../../server/accounts/account-repository';
import { SESSION_TTL_MS, SessionRepository } from '../../server/auth/sessions';
import { hashToken } from '../../server/auth/tokens';
import { EmailTakenError, UserRepository } from '../../server/auth/users';
import { MemberRepository } from '../../server/workspaces/members';
import { WorkspaceRepository } from '../../server/workspaces/workspaces';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';

/** Accounts, sessions and the account self-service queries, the same on both engines (issue 18). */
describe.each(SQL_DIALECTS)('accounts and sessions in the relational store (%s)', (dialect) => {
  let store: TestSql;
  let users: UserRepository;
  let sessions: SessionRepository;
  let accounts: AccountRepository;
  let serial = 0;
  const person = (name = 'Lotte Peeters') =>
    users.create({ email: `p${++serial}@gent.be`, passwordHash: 'hash', name, organization: 'Stad Gent' });

  beforeAll(async () => {
    store = await openTestSql(dialect);
    users = new UserRepository(store.db);
    sessions = new SessionRepository(store.db);
    accounts = new AccountRepository(store.db);
  });
  afterAll(() => store.dispose());

  it('creates an account and finds it by address and by id', async () => {
    const created = await users.create({ email: 'lotte@gent.be', passwordHash: 'h', name: 'Lotte', organization: 'Stad Gent' });
    expect(await users.findByEmail('lotte@gent.be')).toEqual(created);
    expect(await users.findById(created.id)).toEqual(created);
    expect(await users.findByEmail('LOTTE@gent.be')).toBeUndefined();
  });

  it('lets exactly one of two racing registrations for one address win', async () => {
    const attempt = () => users.create({ email: 'race@gent.be', passwordHash: 'h', name: 'R', organization: '' });
    const results = await Promise.allSettled([attempt(), attempt(), attempt()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EmailTakenError);
  });

  it('authenticates a session token, and not once it is revoked', async () => {
    const user = await person();
    const { token, expiresAt } = await sessions.create(user.id);
    const session = await sessions.authenticate(token);
    expect(session).toMatchObject({ user: { id: user.id, email: user.email }, tokenHash: hashToken(token), expiresAt, extended: false });
    expect(await sessions.isActive(hashToken(token))).toBe(true);
    await sessions.revoke(hashToken(token));
    expect(await sessions.authenticate(token)).toBeUndefined();
    expect(await sessions.isActive(hashToken(token))).toBe(false);
  });

  it('refuses unknown and expired tokens, and forgets an expired session', async () => {
    const user = await person();
    const { token } = await sessions.create(user.id);
    expect(await sessions.authenticate(`${token}x`)).toBeUndefined();
    await store.db.updateTable('sessions').set({ expires_at: Date.now() - 1 }).where('token_hash', '=', hashToken(token)).execute();
    expect(await sessions.isActive(hashToken(token))).toBe(false);
    expect(await sessions.authenticate(token)).toBeUndefined();
    expect(await store.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', hashToken(token)).executeTakeFirst()).toBeUndefined();
  });

  it('slides the expiry forward once it is more than an hour old, never backward', async () => {
    const user = await person();
    const { token } = await sessions.create(user.id);
    const aged = Date.now() + SESSION_TTL_MS - 2 * 3600_000;
    await store.db.updateTable('sessions').set({ expires_at: aged }).where('token_hash', '=', hashToken(token)).execute();
    const session = await sessions.authenticate(token);
    expect(session?.extended).toBe(true);
    expect(session!.expiresAt).toBeGreaterThan(aged + 3600_000);
    const row = await store.db.selectFrom('sessions').select('expires_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
    expect(row.expires_at).toBe(session!.expiresAt);
  });

  it('redeems a reset link once, even when several instances try at the same moment', async () => {
    const user = await person();
    const token = await accounts.createReset(user.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => accounts.consumeReset(token)));
    expect(results.filter((r) => r === user.id)).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(5);
    expect(await accounts.consumeReset(token)).toBeNull();
  });

  it('refuses an expired or unknown reset link', async () => {
    const user = await person();
    const token = await accounts.createReset(user.id);
    await store.db.updateTable('password_resets').set({ expires_at: Date.now() - 1 }).where('token_hash', '=', hashToken(token)).execute();
    expect(await accounts.consumeReset(token)).toBeNull();
    expect(await accounts.consumeReset('no-such-token')).toBeNull();
  });

  it('changes a password, ending every other session and the reset links', async () => {
    const user = await person();
    const kept = await sessions.create(user.id);
    const other = await sessions.create(user.id);
    const reset = await accounts.createReset(user.id);
    await accounts.changePassword(user.id, 'new-hash', hashToken(kept.token));
    expect((await users.findById(user.id))?.password_hash).toBe('new-hash');
    expect(await sessions.authenticate(kept.token)).toBeDefined();
    expect(await sessions.authenticate(other.token)).toBeUndefined();
    expect(await accounts.consumeReset(reset)).toBeNull();
    await accounts.changePassword(user.id, 'newer-hash', null);
    expect(await sessions.authenticate(kept.token)).toBeUndefined();
  });

  it('updates only the profile fields given', async () => {
    const user = await person();
    await accounts.updateProfile(user.id, { name: 'Lotte P.', language: 'en' });
    await accounts.updateProfile(user.id, {});
    expect(await users.findById(user.id)).toMatchObject({ name: 'Lotte P.', organization: 'Stad Gent', language: 'en', notify_mail: 'instant' });
  });

  it('lists a person’s own sessions newest first and ends one by its public id, never someone else’s', async () => {
    const user = await person();
    const intruder = await person('Mallory');
    const first = await sessions.create(user.id);
    await store.db.updateTable('sessions').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('token_hash', '=', hashToken(first.token)).execute();
    const second = await sessions.create(user.id);
    await accounts.tagSession(hashToken(second.token), 'Firefox');
    await accounts.tagSession(hashToken(second.token), 'Overwritten?');
    const list = await accounts.sessions(user.id);
    expect(list.map((s) => s.tokenHash)).toEqual([hashToken(second.token), hashToken(first.token)]);
    expect(list[0]!.userAgent).toBe('Firefox');
    expect(await accounts.endSession(intruder.id, sessionId(hashToken(first.token)))).toBeNull();
    expect(await sessions.authenticate(first.token)).toBeDefined();
    expect(await accounts.endSession(user.id, sessionId(hashToken(first.token)))).toBe(hashToken(first.token));
    expect(await sessions.authenticate(first.token)).toBeUndefined();
  });

  it('deletes an account: memberships and sessions go, the row stays anonymous', async () => {
    const workspaces = new WorkspaceRepository(store.db);
    const members = new MemberRepository(store.db);
    const owner = await person('Eigenaar');
    const leaver = await person('Vertrekker');
    const ws = await workspaces.create({ name: 'Wonen', description: '', ownerId: owner.id });
    await members.add(ws.id, leaver.id, 'editor');
    const { token } = await sessions.create(leaver.id);
    expect(await accounts.deleteAccount(leaver.id)).toEqual([ws.id]);
    expect(await members.role(ws.id, leaver.id)).toBeUndefined();
    expect(await sessions.authenticate(token)).toBeUndefined();
    expect(await users.findById(leaver.id)).toMatchObject({ name: 'voormalig lid', email: `deleted-${leaver.id}@invalid`, password_hash: '!' });
  });

  it('refuses to delete the only owner of a workspace others belong to, and changes nothing', async () => {
    const workspaces = new WorkspaceRepository(store.db);
    const members = new MemberRepository(store.db);
    const owner = await person('Enige Eigenaar');
    const editor = await person();
    const ws = await workspaces.create({ name: 'Mobiliteit', description: '', ownerId: owner.id });
    await members.add(ws.id, editor.id, 'editor');
    const { token } = await sessions.create(owner.id);
    const refused = await accounts.deleteAccount(owner.id).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(SoleOwnerError);
    expect((refused as SoleOwnerError).workspaceIds).toEqual([ws.id]);
    expect(await members.role(ws.id, owner.id)).toBe('owner');
    expect(await sessions.authenticate(token)).toBeDefined();
    // Alone in a workspace, the owner may go (the workspace then has nobody to strand).
    const alone = await person();
    await workspaces.create({ name: 'Solo', description: '', ownerId: alone.id });
    expect(await accounts.deleteAccount(alone.id)).toHaveLength(1);
  });
});
