import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { linkIn, TestSmtp } from '../helpers/smtp';
import { sampleAnchor } from '../comments/fixtures';
import { withServerStore } from '../helpers/sql-stores';
import { createLogger } from '../../server/log';
import { createMailer } from '../../server/mail/mailer';
import { NotificationMailRepository } from '../../server/notifications/mail-repository';
import { NotificationMailer } from '../../server/notifications/mail-notifier';

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await TestSmtp.start();
  server = await startTestServer({ SMTP_URL: smtp.url, DIGEST_HOUR_UTC: '6' });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

interface Cast {
  owner: TestUser;
  bea: TestUser;
  chris: TestUser;
  documentId: string;
  workspaceId: string;
}

async function cast(): Promise<Cast> {
  const owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
  const workspace = await createWorkspace(server.url, owner.token);
  const document = await createDocument(server.url, owner.token, workspace.id, { title: 'Aanbeveling wonen' });
  const bea = await addMember(server.url, owner.token, workspace.id, 'commenter', { name: 'Bea Bosmans' });
  const chris = await addMember(server.url, owner.token, workspace.id, 'participant', { name: 'Chris Claes' });
  return { owner, bea, chris, documentId: document.id, workspaceId: workspace.id };
}

const startThread = async (c: Cast, who: TestUser, body: string, mentions?: string[]) =>
  (await call(server.url, 'POST', `/api/documents/${c.documentId}/comments`, { token: who.token, body: { anchor: sampleAnchor(), quote: 'Wonen', body, mentions } })).body.thread as { id: string };
const reply = async (threadId: string, who: TestUser, body: string, mentions?: string[]) => {
  const res = await call(server.url, 'POST', `/api/comments/${threadId}/replies`, { token: who.token, body: { body, mentions } });
  expect(res.status).toBe(201);
};
const inApp = async (who: TestUser) => (await call(server.url, 'GET', '/api/notifications', { token: who.token })).body.notifications as { type: string; threadId: string }[];

describe('notification mail', () => {
  it('a reply on a thread you started reaches you by mail at once and in the app; others of the workspace hear nothing', async () => {
    const c = await cast();
    const thread = await startThread(c, c.bea, 'Is dit haalbaar?');
    await reply(thread.id, c.chris, 'Ja, in Gent werkt het.');
    await expect.poll(() => smtp.to(c.bea.email).length).toBe(1);
    const mail = smtp.to(c.bea.email)[0]!;
    expect(mail.subject).toBe('Chris Claes antwoordde in een gesprek bij "Aanbeveling wonen"');
    expect(mail.text).toContain('Ja, in Gent werkt het.');
    expect(linkIn(mail, 'http://localhost')).toMatch(new RegExp(`/d/${c.documentId}\\?thread=${thread.id}$`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(await inApp(c.bea)).toMatchObject([{ type: 'reply', threadId: thread.id }]);
    expect(await inApp(c.owner)).toEqual([]);
    expect(smtp.to(c.owner.email)).toHaveLength(0);
  });

  it('mentioned in a reply: one mention, not a reply as well; resolving tells everyone who took part, in their language', async () => {
    const c = await cast();
    await call(server.url, 'PATCH', '/api/me', { token: c.chris.token, body: { language: 'en' } });
    const thread = await startThread(c, c.bea, 'Wie kent een goed voorbeeld?');
    await reply(thread.id, c.chris, 'Leuven, denk ik.');
    await reply(thread.id, c.owner, 'Bea, kijk eens naar Leuven.', [c.bea.user.id]);
    await expect.poll(async () => (await inApp(c.bea)).map((n) => n.type).sort()).toEqual(['mention', 'reply']);
    expect((await inApp(c.chris)).map((n) => n.type)).toEqual(['reply']);
    const resolved = await call(server.url, 'PATCH', `/api/comments/${thread.id}`, { token: c.bea.token, body: { resolved: true } });
    expect(resolved.status).toBe(200);
    await expect.poll(() => smtp.to(c.chris.email).map((m) => m.subject)).toContain('Bea Bosmans resolved a conversation on "Aanbeveling wonen"');
    await expect.poll(() => smtp.to(c.owner.email).map((m) => m.subject)).toContain('Bea Bosmans sloot een gesprek af bij "Aanbeveling wonen"');
    expect(smtp.to(c.bea.email).map((m) => m.subject).filter((s) => s.includes('sloot'))).toEqual([]);
  });

  it('one click on the unsubscribe link ends the mail, not the in-app notifications', async () => {
    const c = await cast();
    const thread = await startThread(c, c.bea, 'Eerste vraag');
    await reply(thread.id, c.chris, 'Eerste antwoord');
    await expect.poll(() => smtp.to(c.bea.email).length).toBe(1);
    const link = smtp.to(c.bea.email)[0]!.text.match(/https?:\/\/\S+\/api\/unsubscribe\/\S+/)![0];
    const page = await fetch(link.replace(/^https?:\/\/[^/]+/, server.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Uitgeschreven');
    expect((await call(server.url, 'GET', '/api/me', { token: c.bea.token })).body.user.notifyMail).toBe('off');
    // The next reply goes to Bea (in the app only) and to Olivia, who joined the thread: her mail is the barrier.
    await reply(thread.id, c.owner, 'Nog een antwoord');
    await reply(thread.id, c.chris, 'En nog een');
    await expect.poll(() => smtp.to(c.owner.email).length).toBe(1);
    expect(smtp.to(c.bea.email)).toHaveLength(1);
    expect((await inApp(c.bea)).length).toBe(3);
    expect((await fetch(`${server.url}/api/unsubscribe/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('a daily digest gathers what happened once a day after the digest hour (fake clock)', async () => {
    const c = await cast();
    await call(server.url, 'PATCH', '/api/me', { token: c.bea.token, body: { notifyMail: 'daily' } });
    const thread = await startThread(c, c.bea, 'Vraag voor de digest');
    await reply(thread.id, c.chris, 'Antwoord een');
    await reply(thread.id, c.owner, 'Antwoord twee');
    await expect.poll(async () => (await inApp(c.bea)).length).toBe(2);
    expect(smtp.to(c.bea.email)).toHaveLength(0);

    // A notifier of its own on the same database, driven by a clock the test sets.
    const log = createLogger('silent', 'digest-test');
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Stadskamer <digest@stadskamer.test>', production: false, log });
    await withServerStore(server.dataDir, async (store) => {
      const notifier = new NotificationMailer(new NotificationMailRepository(store.db), mailer, () => 'https://stadskamer.test', log, 6);
      const day = (d: number, h: number, m = 0) => new Date(Date.UTC(2027, 0, d, h, m));
      await notifier.sendDigests(day(4, 5, 59));
      expect(smtp.to(c.bea.email)).toHaveLength(1);
      const digest = smtp.to(c.bea.email)[0]!;
      expect(digest.subject).toBe('Stadskamer: 2 nieuwe meldingen');
      expect(digest.text).toContain('Antwoord een');
      expect(digest.text).toContain('Antwoord twee');

      await reply(thread.id, c.chris, 'Antwoord drie');
      await expect.poll(async () => (await inApp(c.bea)).length).toBe(3);
      await notifier.sendDigests(day(4, 5, 59)); // the same moment: nothing new is due
      await notifier.sendDigests(day(4, 6, 30)); // after today's digest hour: the third reply
      expect(smtp.to(c.bea.email)).toHaveLength(2);
      expect(smtp.to(c.bea.email)[1]!.text).toContain('Antwoord drie');
      expect(smtp.to(c.bea.email)[1]!.text).not.toContain('Antwoord een');

      await reply(thread.id, c.owner, 'Antwoord vier');
      await expect.poll(async () => (await inApp(c.bea)).length).toBe(4);
      await notifier.sendDigests(day(4, 23, 0)); // once a day: waits for tomorrow
      expect(smtp.to(c.bea.email)).toHaveLength(2);
      await notifier.sendDigests(day(5, 6, 1));
      expect(smtp.to(c.bea.email)).toHaveLength(3);
      expect(smtp.to(c.bea.email)[2]!.subject).toBe('Stadskamer: 1 nieuwe melding');
    }).finally(() => mailer.close());
  });

  it('someone removed from the workspace gets no more mail about it', async () => {
    const c = await cast();
    const thread = await startThread(c, c.bea, 'Nog een vraag');
    await reply(thread.id, c.chris, 'Eerste');
    await expect.poll(() => smtp.to(c.bea.email).length).toBe(1);
    expect((await call(server.url, 'DELETE', `/api/workspaces/${c.workspaceId}/members/${c.bea.user.id}`, { token: c.owner.token })).status).toBe(204);
    await reply(thread.id, c.owner, 'Tweede');
    await expect.poll(() => smtp.to(c.chris.email).length).toBe(1);
    expect(smtp.to(c.bea.email)).toHaveLength(1);
  });
});
