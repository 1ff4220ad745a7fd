import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { linkIn, TestSmtp } from '../helpers/smtp';

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await TestSmtp.start();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Stadskamer <noreply@stadskamer.test>' });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function ownerWithWorkspace(): Promise<{ owner: TestUser; wid: string }> {
  const owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
  const workspace = await createWorkspace(server.url, owner.token, 'Atelier wonen');
  return { owner, wid: workspace.id };
}

async function invite(wid: string, token: string, body: Record<string, unknown> = { role: 'editor' }) {
  const res = await call(server.url, 'POST', `/api/workspaces/${wid}/invites`, { token, body });
  expect(res.status).toBe(201);
  return res.body.invite as { id: string; token: string; url: string; role: string; singleUse: boolean; mailed?: boolean };
}

const accept = (inviteToken: string, token: string) => call(server.url, 'POST', `/api/invites/${inviteToken}/accept`, { token });
const roleOf = async (wid: string, ownerToken: string, userId: string) =>
  (await call(server.url, 'GET', `/api/workspaces/${wid}`, { token: ownerToken })).body.members.find((m: { user: { id: string } }) => m.user.id === userId)?.role;

describe('open invites: listed and withdrawn by owners', () => {
  it('lists role, expiry, uses and creator, newest first, a page at a time', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const multi = await invite(wid, owner.token, { role: 'participant' });
    const single = await invite(wid, owner.token, { role: 'viewer', singleUse: true, expiresInHours: 2 });
    await accept(multi.token, (await registerUser(server.url)).token);
    const page1 = await call(server.url, 'GET', `/api/workspaces/${wid}/invites?limit=1`, { token: owner.token });
    expect(page1.status).toBe(200);
    expect(page1.body.invites).toHaveLength(1);
    expect(page1.body.invites[0]).toMatchObject({ id: single.id, role: 'viewer', uses: 0, maxUses: 1, email: null, createdBy: { id: owner.user.id, name: 'Olivia Eigenaar' } });
    expect(Date.parse(page1.body.invites[0].expiresAt) - Date.now()).toBeGreaterThan(3600_000);
    expect(page1.body.invites[0]).not.toHaveProperty('token');
    const page2 = await call(server.url, 'GET', `/api/workspaces/${wid}/invites?limit=1&cursor=${page1.body.nextCursor}`, { token: owner.token });
    expect(page2.body.invites).toMatchObject([{ id: multi.id, role: 'participant', uses: 1, maxUses: null }]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('a withdrawn link answers 410 and leaves the list; withdrawing is for owners of that workspace only', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const editor = await addMember(server.url, owner.token, wid, 'editor');
    const outsider = await registerUser(server.url);
    const link = await invite(wid, owner.token);
    expect((await call(server.url, 'DELETE', `/api/invites/${link.id}`, { token: editor.token })).status).toBe(403);
    const foreign = await call(server.url, 'DELETE', `/api/invites/${link.id}`, { token: outsider.token });
    const unknown = await call(server.url, 'DELETE', '/api/invites/doesNotExist123', { token: outsider.token });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    expect((await call(server.url, 'DELETE', `/api/invites/${link.id}`, { token: owner.token })).status).toBe(204);
    const late = await accept(link.token, outsider.token);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('invite_revoked');
    expect((await call(server.url, 'GET', `/api/invites/${link.token}`, { token: outsider.token })).status).toBe(410);
    expect(await roleOf(wid, owner.token, outsider.user.id)).toBeUndefined();
    const list = await call(server.url, 'GET', `/api/workspaces/${wid}/invites`, { token: owner.token });
    expect(list.body.invites.map((i: { id: string }) => i.id)).not.toContain(link.id);
    const events = await call(server.url, 'GET', `/api/workspaces/${wid}/activity`, { token: owner.token });
    expect(events.body.events.map((e: { type: string }) => e.type)).toContain('invite.revoked');
  });

  it('refuses a bad page size or cursor with 422 naming it', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    for (const [query, field] of [['limit=0', 'limit'], ['limit=1000', 'limit'], ['cursor=abc', 'cursor']]) {
      const res = await call(server.url, 'GET', `/api/workspaces/${wid}/invites?${query}`, { token: owner.token });
      expect(res.status).toBe(422);
      expect(res.body.error.field).toBe(field);
    }
  });
});

describe('using a link', () => {
  it('shows where it leads before joining', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const link = await invite(wid, owner.token, { role: 'participant' });
    const guest = await registerUser(server.url);
    const preview = await call(server.url, 'GET', `/api/invites/${link.token}`, { token: guest.token });
    expect(preview.status).toBe(200);
    expect(preview.body.invite).toMatchObject({
      workspace: { id: wid, name: 'Atelier wonen' },
      role: 'participant',
      invitedBy: { name: 'Olivia Eigenaar' },
      currentRole: null,
    });
    // Looking is not joining.
    expect(await roleOf(wid, owner.token, guest.user.id)).toBeUndefined();
    expect((await call(server.url, 'GET', '/api/invites/notARealToken', { token: guest.token })).status).toBe(404);
  });

  it('a single-use link admits exactly one person, even when several race for it', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const link = await invite(wid, owner.token, { role: 'commenter', singleUse: true });
    expect(link.singleUse).toBe(true);
    const people = await Promise.all(Array.from({ length: 6 }, () => registerUser(server.url)));
    const answers = await Promise.all(people.map((p) => accept(link.token, p.token)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(410);
      expect(refused.body.error.code).toBe('invite_used');
    }
    const detail = await call(server.url, 'GET', `/api/workspaces/${wid}`, { token: owner.token });
    expect(detail.body.members).toHaveLength(2);
  });

  it('someone who belongs already keeps their role and uses nothing up', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const editor = await addMember(server.url, owner.token, wid, 'editor');
    const link = await invite(wid, owner.token, { role: 'viewer', singleUse: true });
    const again = await accept(link.token, editor.token);
    expect(again.status).toBe(200);
    expect(again.body.role).toBe('editor');
    expect((await accept(link.token, (await registerUser(server.url)).token)).status).toBe(200);
  });

  it('a removed member cannot come back with a link they used; a fresh invite works', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const link = await invite(wid, owner.token, { role: 'editor' });
    const member = await registerUser(server.url);
    expect((await accept(link.token, member.token)).status).toBe(200);
    expect((await call(server.url, 'DELETE', `/api/workspaces/${wid}/members/${member.user.id}`, { token: owner.token })).status).toBe(204);
    const back = await accept(link.token, member.token);
    expect(back.status).toBe(410);
    expect(back.body.error.code).toBe('invite_used');
    expect(await roleOf(wid, owner.token, member.user.id)).toBeUndefined();
    // The same link still works for someone new.
    expect((await accept(link.token, (await registerUser(server.url)).token)).status).toBe(200);
    const fresh = await invite(wid, owner.token, { role: 'viewer' });
    expect((await accept(fresh.token, member.token)).body.role).toBe('viewer');
  });
});

describe('invites by e-mail', () => {
  it('mails the link to the address through SMTP; the link works once', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const address = `genodigde-${Date.now()}@stad.gent`;
    const made = await invite(wid, owner.token, { role: 'participant', email: address.toUpperCase() });
    expect(made).toMatchObject({ singleUse: true, mailed: true });
    await expect.poll(() => smtp.to(address).length).toBe(1);
    const mail = smtp.to(address)[0]!;
    expect(mail.from).toBe('noreply@stadskamer.test');
    expect(mail.subject).toContain('Atelier wonen');
    expect(mail.text).toContain('Olivia Eigenaar');
    expect(mail.text).toContain('deelnemer');
    const link = linkIn(mail, `${server.url.replace('127.0.0.1', 'localhost')}/invite/`);
    const token = link.split('/invite/')[1]!;
    const guest = await registerUser(server.url, { email: address });
    expect((await accept(token, guest.token)).status).toBe(200);
    expect(await roleOf(wid, owner.token, guest.user.id)).toBe('participant');
    const second = await accept(token, (await registerUser(server.url)).token);
    expect(second.status).toBe(410);
    const list = await call(server.url, 'GET', `/api/workspaces/${wid}/invites`, { token: owner.token });
    expect(list.body.invites.map((i: { id: string }) => i.id)).not.toContain(made.id);
  });

  it('refuses an address that is not one (422 naming email), and only owners may invite', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const bad = await call(server.url, 'POST', `/api/workspaces/${wid}/invites`, { token: owner.token, body: { role: 'viewer', email: 'niet-een-adres' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('email');
    const editor = await addMember(server.url, owner.token, wid, 'editor');
    const byEditor = await call(server.url, 'POST', `/api/workspaces/${wid}/invites`, { token: editor.token, body: { role: 'viewer', email: 'x@example.be' } });
    expect(byEditor.status).toBe(403);
    const owners = await call(server.url, 'POST', `/api/workspaces/${wid}/invites`, { token: owner.token, body: { role: 'owner' } });
    expect(owners.status).toBe(422);
  });
});

describe('leaving and handing over', () => {
  it('anyone may leave; the last owner may not', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const participant = await addMember(server.url, owner.token, wid, 'participant');
    expect((await call(server.url, 'POST', `/api/workspaces/${wid}/leave`, { token: participant.token })).status).toBe(204);
    expect(await roleOf(wid, owner.token, participant.user.id)).toBeUndefined();
    expect((await call(server.url, 'GET', `/api/workspaces/${wid}`, { token: participant.token })).status).toBe(404);
    const last = await call(server.url, 'POST', `/api/workspaces/${wid}/leave`, { token: owner.token });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_owner');
    const events = await call(server.url, 'GET', `/api/workspaces/${wid}/activity`, { token: owner.token });
    expect(events.body.events.map((e: { type: string }) => e.type)).toContain('member.left');
  });

  it('transferring ownership makes the other the owner and the caller an editor', async () => {
    const { owner, wid } = await ownerWithWorkspace();
    const heir = await addMember(server.url, owner.token, wid, 'commenter');
    const outsider = await registerUser(server.url);
    const toOutsider = await call(server.url, 'POST', `/api/workspaces/${wid}/transfer-ownership`, { token: owner.token, body: { userId: outsider.user.id } });
    expect(toOutsider.status).toBe(404);
    const toSelf = await call(server.url, 'POST', `/api/workspaces/${wid}/transfer-ownership`, { token: owner.token, body: { userId: owner.user.id } });
    expect(toSelf.status).toBe(422);
    const done = await call(server.url, 'POST', `/api/workspaces/${wid}/transfer-ownership`, { token: owner.token, body: { userId: heir.user.id } });
    expect(done.status).toBe(200);
    expect(await roleOf(wid, heir.token, heir.user.id)).toBe('owner');
    expect(await roleOf(wid, heir.token, owner.user.id)).toBe('editor');
    // The former owner can no longer manage members.
    expect((await call(server.url, 'GET', `/api/workspaces/${wid}/invites`, { token: owner.token })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/workspaces/${wid}/leave`, { token: owner.token })).status).toBe(204);
  });
});
