import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { seriousViolations } from './helpers/axe';
import { signIn } from './helpers/sign-in';
import { addMember, call, createWorkspace, registerUser } from '../helpers/api';

const suite = browserSuite();

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  page.on('dialog', (d) => void d.accept());
  return page;
}

const roleOf = async (wid: string, token: string, userId: string) =>
  (await call(suite.server.baseUrl, 'GET', `/api/workspaces/${wid}`, { token })).body.members.find((m: { user: { id: string } }) => m.user.id === userId)?.role;

describe('the members panel of an owner', { timeout: 90_000 }, () => {
  it('changes a role and withdraws an invite; the withdrawn link no longer works', async () => {
    const url = suite.server.baseUrl;
    const owner = await registerUser(url, { name: 'Lotte Maes', organization: 'Kenniscentrum Vlaamse Steden' });
    const workspace = await createWorkspace(url, owner.token, 'Atelier wonen');
    const karim = await addMember(url, owner.token, workspace.id, 'editor', { name: 'Karim El Idrissi', organization: 'Stad Gent' });
    const invite = await call(url, 'POST', `/api/workspaces/${workspace.id}/invites`, { token: owner.token, body: { role: 'participant', singleUse: true } });
    const page = await open();
    screenshotsOnFailure('members-panel', () => [page]);
    await signIn(page, url, owner.email, owner.password);
    await page.goto(`${url}/w/${workspace.id}`);

    await page.getByLabel('Rol van Karim El Idrissi').selectOption('commenter');
    await page.getByText('Rol van Karim El Idrissi gewijzigd naar kan reageren.').waitFor({ state: 'attached' });
    expect(await roleOf(workspace.id, owner.token, karim.user.id)).toBe('commenter');

    const invites = page.getByTestId('open-invites');
    await invites.getByText('eenmalig').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await invites.getByRole('button', { name: /Uitnodiging als deelnemer, geldig tot .*, intrekken/ }).click();
    // The other open invite (the one Karim used) stays; the withdrawn one leaves the list.
    await invites.getByText('eenmalig').waitFor({ state: 'detached' });
    await invites.getByText('1 keer gebruikt').waitFor();
    const late = await call(url, 'POST', `/api/invites/${invite.body.invite.token}/accept`, { token: (await registerUser(url)).token });
    expect(late.status).toBe(410);
  });

  it('invites by e-mail with a role; the invitee is asked "Deelnemen aan … als …?" before joining', async () => {
    const url = suite.server.baseUrl;
    const owner = await registerUser(url, { name: 'Lotte Maes' });
    const workspace = await createWorkspace(url, owner.token, 'Atelier zorg');
    const guest = await registerUser(url, { name: 'Sara Peeters', organization: 'Stad Leuven' });
    const ownerPage = await open();
    const guestPage = await open(375);
    screenshotsOnFailure('invite-by-mail', () => [ownerPage, guestPage]);
    await signIn(ownerPage, url, owner.email, owner.password);
    await ownerPage.goto(`${url}/w/${workspace.id}`);
    await ownerPage.getByRole('button', { name: 'Mensen uitnodigen' }).click();
    const dialog = ownerPage.getByRole('dialog');
    await dialog.getByLabel('Rol voor wie de link gebruikt').selectOption('participant');
    await dialog.getByLabel('E-mailadres (niet verplicht)').fill(guest.email);
    await dialog.getByRole('button', { name: 'Link maken' }).click();
    await dialog.getByText(`De uitnodiging is gemaild naar ${guest.email}.`).waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await ownerPage.getByTestId('open-invites').getByText(guest.email).waitFor();

    // The dev outbox (no SMTP_URL in this server) holds the mail with the link.
    const outbox = await call(url, 'GET', '/dev/outbox');
    const mail = outbox.body.mails.find((m: { to: string }) => m.to === guest.email);
    const link = (mail.text as string).match(/https?:\/\/\S+\/invite\/\S+/)![0];

    await signIn(guestPage, url, guest.email, guest.password);
    await guestPage.goto(link);
    await guestPage.getByRole('heading', { level: 1, name: 'Deelnemen aan Atelier zorg als deelnemer?' }).waitFor();
    expect(await roleOf(workspace.id, owner.token, guest.user.id)).toBeUndefined();
    expect(await seriousViolations(guestPage)).toEqual([]);
    await guestPage.getByRole('button', { name: 'Deelnemen', exact: true }).click();
    await guestPage.getByRole('heading', { level: 1, name: 'Atelier zorg' }).waitFor();
    expect(await roleOf(workspace.id, owner.token, guest.user.id)).toBe('participant');
    // The owner's panel follows by itself: the invite is used up, the guest is listed.
    await ownerPage.locator('.members-panel').getByText('Sara Peeters', { exact: true }).waitFor();
    await ownerPage.getByTestId('open-invites').waitFor({ state: 'detached' });
  });
});
