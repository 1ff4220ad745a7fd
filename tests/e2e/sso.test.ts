import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registerUser } from '../helpers/api';
import { TestOidcProvider } from '../helpers/oidc-provider';
import { seriousViolations } from './helpers/axe';
import { startAppServer, type AppServer } from './helpers/app-server';
import { launchBrowser, newPage, screenshotsOnFailure } from './helpers/browser';

const DOCS = path.resolve(import.meta.dirname, '../../docs');

let provider: TestOidcProvider;
let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const KARIM = 'karim.elamrani@stad.gent';
const GRIET = 'griet.vandamme@brugge.be';
const UNVERIFIED = 'nog.niet.bevestigd@leuven.be';

beforeAll(async () => {
  provider = await TestOidcProvider.listen();
  server = await startAppServer({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_LABEL: 'Stad Gent',
  });
  provider.configure(`${server.baseUrl}/api/auth/sso/callback`, {
    karim: { email: KARIM, email_verified: true, name: 'Karim El Amrani', organization: 'Stad Gent' },
    griet: { email: GRIET, email_verified: true, name: 'Griet Van Damme' },
    unverified: { email: UNVERIFIED, email_verified: false, name: 'Niet Bevestigd' },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await provider?.close();
});

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(browser, { width });
  contexts.push(context);
  return page;
}

/** Through the provider's own login and consent pages, as the person would. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${server.baseUrl}/signin`);
  await page.getByRole('link', { name: 'Aanmelden via Stad Gent' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('om-het-even');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function me(page: Page): Promise<{ status: number; user?: { email: string; name: string; organization: string } }> {
  return page.evaluate(async () => {
    const res = await fetch('/api/me');
    return { status: res.status, user: res.ok ? ((await res.json()) as { user: never }).user : undefined };
  });
}

describe('single sign-on through the organisation (OpenID Connect)', { timeout: 90_000 }, () => {
  it('signs a new person in through the browser and makes their account from the claims', async () => {
    const page = await open();
    screenshotsOnFailure('sso-new', () => [page]);
    await page.goto(`${server.baseUrl}/signin`);
    await page.getByRole('link', { name: 'Aanmelden via Stad Gent' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signInAtProvider(page, 'karim');
    await page.getByRole('heading', { level: 1, name: 'Je werkruimtes' }).waitFor();
    expect(await me(page)).toMatchObject({ status: 200, user: { email: KARIM, name: 'Karim El Amrani', organization: 'Stad Gent' } });
    // The account has no password anyone could guess.
    const login = await call(server.baseUrl, 'POST', '/api/auth/login', { body: { email: KARIM, password: 'sso-only' } });
    expect(login.status).toBe(401);
  });

  it('offers single sign-on on a 375 px phone, readable and without sideways scrolling', async () => {
    const page = await open(375);
    await page.goto(`${server.baseUrl}/signin?sso_error=sso_failed`);
    await page.getByRole('link', { name: 'Aanmelden via Stad Gent' }).waitFor();
    await page.getByText('Aanmelden via je organisatie is mislukt').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS, 'signin-sso-375.png') });
  });

  it('links to the existing account with the same verified e-mail address', async () => {
    const existing = await registerUser(server.baseUrl, { email: GRIET, name: 'Griet Van Damme', organization: 'Stad Brugge' });
    const page = await open();
    await signInAtProvider(page, 'griet');
    await page.getByRole('heading', { level: 1, name: 'Je werkruimtes' }).waitFor();
    const who = await me(page);
    expect(who.user).toMatchObject({ email: GRIET, organization: 'Stad Brugge' });
    const own = await call(server.baseUrl, 'GET', '/api/me', { token: existing.token });
    expect((own.body as { user: { id: string } }).user.id).toBe((who.user as unknown as { id: string }).id);
  });

  it('refuses a replayed or tampered answer from the provider, and signs nobody in', async () => {
    const victim = await open();
    const callback = victim.waitForRequest(/\/api\/auth\/sso\/callback\?/);
    await signInAtProvider(victim, 'karim');
    const answer = new URL((await callback).url());
    await victim.getByRole('heading', { level: 1, name: 'Je werkruimtes' }).waitFor();

    // Another browser replays the same answer (code and state): its state is used up and
    // was never this browser's.
    const attacker = await open();
    screenshotsOnFailure('sso-replayed', () => [attacker]);
    await attacker.goto(answer.toString());
    await attacker.getByText('Het aanmelden duurde te lang of werd in een ander venster gestart').waitFor();
    expect(new URL(attacker.url()).searchParams.get('sso_error')).toBe('sso_expired');
    expect((await me(attacker)).status).toBe(401);
    const tampered = new URL(answer);
    tampered.searchParams.set('state', `${answer.searchParams.get('state')}x`);
    await attacker.goto(tampered.toString());
    expect(new URL(attacker.url()).searchParams.get('sso_error')).toBe('sso_expired');
    expect((await me(attacker)).status).toBe(401);
  });

  it('refuses an identity whose e-mail address the provider did not verify', async () => {
    const page = await open();
    await signInAtProvider(page, 'unverified');
    await page.getByText('Je organisatie bevestigde geen e-mailadres').waitFor();
    expect((await me(page)).status).toBe(401);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
