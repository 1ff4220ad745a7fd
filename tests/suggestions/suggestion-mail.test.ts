import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { withServerStore } from '../helpers/sql-stores';
import { linkIn, TestSmtp } from '../helpers/smtp';
import { createLogger } from '../../server/log';
import { createMailer } from '../../server/mail/mailer';
import { NotificationMailer } from '../../server/notifications/mail-notifier';
import { NotificationMailRepository } from '../../server/notifications/mail-repository';
import type { Notification } from '../../shared/comments';
import type { Suggestion } from '../../shared/suggestions';
import { doc, fill, paragraph, suggestionBody, type Target } from './helpers';

let server: Awaited<ReturnType<typeof startTestServer>>;
let smtp: TestSmtp;
const open: WebsocketProvider[] = [];
beforeAll(async () => {
  smtp = await TestSmtp.start();
  server = await startTestServer({ SMTP_URL: smtp.url, DIGEST_HOUR_UTC: '6' });
});
afterAll(async () => {
  destroyAll(...open);
  await server?.close();
  await smtp?.close();
});

describe('the author hears when an editor decides their suggestion', () => {
  let editor: TestUser;
  let karim: TestUser;
  let anna: TestUser;
  let documentId: string;
  let suggestText: (target: Target, insertText: string, by: TestUser) => Promise<Suggestion>;

  beforeAll(async () => {
    const owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
    const wid = (await createWorkspace(server.url, owner.token)).id;
    editor = await addMember(server.url, owner.token, wid, 'editor', { name: 'Eva Bewerker' });
    karim = await addMember(server.url, owner.token, wid, 'commenter', { name: 'Karim El Amrani' });
    anna = await addMember(server.url, owner.token, wid, 'participant', { name: 'Anna Peeters' });
    await call(server.url, 'PATCH', '/api/me', { token: anna.token, body: { language: 'en' } });
    documentId = (await createDocument(server.url, owner.token, wid, { title: 'Aanbeveling wonen' })).id;
    const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, documentId, { token: editor.token });
    open.push(c.provider);
    await synced(c.provider);
    fill(c.doc, doc(paragraph('Wonen moet betaalbaar blijven voor iedereen in de stad.')));
    await settled(c.provider);
    suggestText = async (target, insertText, by) => {
      const res = await call(server.url, 'POST', `/api/documents/${documentId}/suggestions`, { token: by.token, body: suggestionBody(c.doc, target, insertText) });
      expect(res.status).toBe(201);
      return res.body.suggestion as Suggestion;
    };
  });

  const inApp = async (who: TestUser) => (await call(server.url, 'GET', '/api/notifications', { token: who.token })).body.notifications as Notification[];

  it('accepted: a mail at once in Dutch that opens the document, and a notification in the bell', async () => {
    const s = await suggestText('betaalbaar', 'haalbaar', karim);
    expect((await call(server.url, 'POST', `/api/suggestions/${s.id}/accept`, { token: editor.token })).status).toBe(200);
    await expect.poll(() => smtp.to(karim.email).length).toBe(1);
    const mail = smtp.to(karim.email)[0]!;
    expect(mail.subject).toBe('Eva Bewerker aanvaardde je voorstel in "Aanbeveling wonen"');
    expect(mail.text).toContain('"betaalbaar → haalbaar"');
    expect(linkIn(mail, 'http://localhost')).toMatch(new RegExp(`/d/${documentId}$`));
    expect(mail.text).toMatch(/\/api\/unsubscribe\/\S+/);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(await inApp(karim)).toMatchObject([
      { type: 'suggestion_accepted', documentId, documentTitle: 'Aanbeveling wonen', threadId: null, actor: { id: editor.user.id }, read: false },
    ]);
  });

  it('rejected: in the author’s language; withdrawing one’s own tells nobody', async () => {
    const rejected = await suggestText({ after: 'iedereen' }, ' die hier woont', anna);
    const withdrawn = await suggestText('de stad', 'Vlaanderen', anna);
    expect((await call(server.url, 'POST', `/api/suggestions/${rejected.id}/reject`, { token: editor.token })).status).toBe(200);
    expect((await call(server.url, 'DELETE', `/api/suggestions/${withdrawn.id}`, { token: anna.token })).status).toBe(200);
    await expect.poll(() => smtp.to(anna.email).length).toBe(1);
    expect(smtp.to(anna.email)[0]!.subject).toBe('Eva Bewerker rejected your suggestion in "Aanbeveling wonen"');
    expect(smtp.to(anna.email)[0]!.text).toContain('"+ die hier woont"');
    expect((await inApp(anna)).map((n) => n.type)).toEqual(['suggestion_rejected']);
    expect(smtp.to(editor.email)).toHaveLength(0);
  });

  it('accepting all of a person’s suggestions at once tells them once', async () => {
    const mails = smtp.to(anna.email).length;
    const notified = (await inApp(anna)).length;
    await suggestText('Wonen', 'Huisvesting', anna);
    await suggestText('voor', 'voor echt', anna);
    await suggestText('blijven', 'worden', anna);
    const bulk = await call(server.url, 'POST', `/api/documents/${documentId}/suggestions/accept`, { token: editor.token, body: { authorId: anna.user.id } });
    expect(bulk.body.decided).toHaveLength(3);
    const after = await inApp(anna);
    expect(after).toHaveLength(notified + 1);
    expect(after[0]).toMatchObject({ type: 'suggestion_accepted', excerpt: 'Wonen → Huisvesting (+2)' });
    await expect.poll(() => smtp.to(anna.email).length).toBe(mails + 1);
    expect(smtp.to(anna.email).at(-1)!.text).toContain('"Wonen → Huisvesting (+2)"');
  });

  it('a person who chose the daily digest gets the decision in it (fake clock)', async () => {
    await call(server.url, 'PATCH', '/api/me', { token: karim.token, body: { notifyMail: 'daily' } });
    const before = smtp.to(karim.email).length;
    const known = (await inApp(karim)).length;
    const s = await suggestText('moet', 'hoort', karim);
    expect((await call(server.url, 'POST', `/api/suggestions/${s.id}/reject`, { token: editor.token })).status).toBe(200);
    await expect.poll(async () => (await inApp(karim)).length).toBe(known + 1);
    expect(smtp.to(karim.email)).toHaveLength(before);
    const log = createLogger('silent', 'digest-test');
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Stadskamer <digest@stadskamer.test>', production: false, log });
    await withServerStore(server.dataDir, async (store) => {
      const notifier = new NotificationMailer(new NotificationMailRepository(store.db), mailer, () => 'https://stadskamer.test', log, 6);
      await notifier.sendDigests(new Date(Date.UTC(2027, 0, 4, 6, 30)));
    }).finally(() => mailer.close());
    const digest = smtp.to(karim.email)[before]!;
    expect(digest.subject).toBe('Stadskamer: 1 nieuwe melding');
    expect(digest.text).toContain('Eva Bewerker verwierp je voorstel in "Aanbeveling wonen"');
    expect(digest.text).toContain('"moet → hoort"');
    expect(digest.text).toMatch(new RegExp(`https://stadskamer\\.test/d/${documentId}\\s`));
  });
});
