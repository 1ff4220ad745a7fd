import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { seriousViolations } from './helpers/axe';
import { signIn } from './helpers/sign-in';
import { call, registerUser } from '../helpers/api';

const suite = browserSuite();

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  return page;
}

describe('accounts that run themselves', { timeout: 90_000 }, () => {
  it('wachtwoord vergeten: the mailed link sets a new password, then signing in works', async () => {
    const url = suite.server.baseUrl;
    const who = await registerUser(url, { name: 'Griet Van Damme' });
    const page = await open(375);
    screenshotsOnFailure('forgot-password', () => [page]);
    await page.goto(`${url}/signin`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByLabel('E-mailadres').fill(who.email);
    await page.getByRole('button', { name: 'Link sturen' }).click();
    await page.getByText('Als er een account bestaat voor dit adres').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const outbox = await call(url, 'GET', '/dev/outbox');
    const mail = outbox.body.mails.find((m: { to: string }) => m.to === who.email);
    const link = (mail.text as string).match(/https?:\/\/\S+\/reset\/\S+/)![0];
    await page.goto(link.replace(/^https?:\/\/[^/]+/, url));
    await page.getByLabel('Nieuw wachtwoord').fill('een-gloednieuw-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Je wachtwoord is gewijzigd').waitFor();
    expect((await call(url, 'GET', '/api/me', { token: who.token })).status).toBe(401);
    await signIn(page, url, who.email, 'een-gloednieuw-wachtwoord');
  });

  it('the profile page changes details and signs out another device', async () => {
    const url = suite.server.baseUrl;
    const who = await registerUser(url, { name: 'Griet Van Damme', organization: 'Stad Brugge' });
    const phone = await call(url, 'POST', '/api/auth/login', { body: { email: who.email, password: who.password }, headers: { 'user-agent': 'Telefoon van Griet' } });
    await call(url, 'GET', '/api/me/sessions', { token: phone.body.token, headers: { 'user-agent': 'Telefoon van Griet' } });
    const page = await open();
    screenshotsOnFailure('profile', () => [page]);
    await signIn(page, url, who.email, who.password);
    await page.getByRole('link', { name: /Aangemeld als Griet Van Damme/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Je profiel' }).waitFor();
    await page.getByLabel('Organisatie').fill('Stad Oostende');
    await page.getByLabel('Meldingen per mail').selectOption('daily');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen.').waitFor();
    expect((await call(url, 'GET', '/api/me', { token: who.token })).body.user).toMatchObject({ organization: 'Stad Oostende', notifyMail: 'daily' });

    const sessions = page.getByTestId('sessions');
    await sessions.getByText('Telefoon van Griet').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await sessions.locator('li', { hasText: 'Telefoon van Griet' }).getByRole('button', { name: 'Afmelden op dit toestel' }).click();
    await page.getByText('Dat toestel is afgemeld.').waitFor();
    expect((await call(url, 'GET', '/api/me', { token: phone.body.token })).status).toBe(401);
    await sessions.getByText('Telefoon van Griet').waitFor({ state: 'detached' });
  });
});
