import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, person, screenshotsOnFailure } from './helpers/browser';
import { createWorkspace, signUp } from './helpers/flows';
import { focused, hasVisibleOutline, tabTo } from './helpers/keyboard';

const suite = browserSuite();

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  return page;
}

// Browsers on a shared 2-core machine: give each step room beyond the default 30 s.
describe('the interface', { timeout: 90_000 }, () => {
  it('is Dutch by default; the language toggle switches it to English and the choice survives a reload', async () => {
    const page = await open();
    screenshotsOnFailure('language', () => [page]);
    await page.goto(`${suite.server.baseUrl}/signin`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij Stadskamer' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Stadskamer' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByLabel('Email address').count()).toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Stadskamer' }).waitFor();
    await page.getByRole('button', { name: 'Overschakelen naar Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij Stadskamer' }).waitFor();
  });

  it('shows API errors as readable sentences, never as raw JSON', async () => {
    const page = await open();
    screenshotsOnFailure('errors', () => [page]);
    const who = person('Els Wouters', 'Stad Leuven');
    await signUp(page, suite.server.baseUrl, who);
    await page.getByRole('heading', { level: 1, name: 'Je werkruimtes' }).waitFor();
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij Stadskamer' }).waitFor();

    await page.getByLabel('E-mailadres').fill(who.email);
    await page.getByLabel('Wachtwoord').fill('niet-het-juiste-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Dit e-mailadres en wachtwoord horen niet bij elkaar.').waitFor();

    await signUp(page, suite.server.baseUrl, who);
    await page.getByRole('alert').getByText('Er bestaat al een account met dit e-mailadres').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('{');
    expect(body).not.toContain('email_taken');
  });

  it('has an empty state that says what to do in every list of a new workspace', async () => {
    const page = await open();
    screenshotsOnFailure('empty', () => [page]);
    await signUp(page, suite.server.baseUrl, person('Jan Maes', 'Stad Brugge'));
    await page.getByText('Je hebt nog geen werkruimte. Maak er hieronder een').waitFor();
    await createWorkspace(page, 'Lege werkruimte');
    await page.getByText('Nog geen aanbevelingen. Maak er een').waitFor();
    await page.getByText('Nog geen netwerknotities.').waitFor();
    await page.getByText('Nog geen borden.').waitFor();
    await page.getByText('Nog niemand anders. Nodig mensen uit met een link.').waitFor();

    await page.getByText('Nog geen activiteit in deze werkruimte.').waitFor();

    // A new board says what to do first, and is a board, not a text editor.
    const boards = page.locator('section[data-kind="board"]');
    await boards.getByText('Nieuw: bord').click();
    await boards.getByLabel('Titel').fill('Interne organisatie');
    await boards.getByRole('button', { name: 'Maken' }).click();
    await page.getByLabel('Titel van de nieuwe kolom').waitFor();
    expect(await page.getByTestId('editor').count()).toBe(0);
  });

  it('lets a keyboard-only user create a document and type in it, with visible focus all the way', async () => {
    const page = await open();
    screenshotsOnFailure('keyboard', () => [page]);
    await signUp(page, suite.server.baseUrl, person('Sara Dumont', 'Stad Kortrijk'));
    await createWorkspace(page, 'Werkruimte zonder muis');

    const summary = await tabTo(page, (f) => f.tag === 'summary' && f.text === 'Nieuw: aanbeveling', 'the create summary');
    expect(hasVisibleOutline(summary)).toBe(true);
    await page.keyboard.press('Enter');
    const title = await tabTo(page, (f) => f.label === 'Titel', 'the title field');
    expect(hasVisibleOutline(title)).toBe(true);
    await page.keyboard.type('Sleutelbord-aanbeveling');
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Tags');
    await page.keyboard.type('Kortrijk, toegankelijkheid');
    await page.keyboard.press('Tab');
    const template = await focused(page);
    expect(template.label).toBe('Sjabloon');
    expect(hasVisibleOutline(template)).toBe(true);
    await page.keyboard.press('Tab');
    const submit = await focused(page);
    expect(submit.text).toBe('Maken');
    expect(hasVisibleOutline(submit)).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByTestId('connection').getByText('verbonden').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sleutelbord-aanbeveling');
    const bold = await tabTo(page, (f) => f.label === 'Vet', 'the bold button');
    expect(hasVisibleOutline(bold)).toBe(true);
    const editor = await tabTo(page, (f) => f.testId === 'editor', 'the editor');
    // The editor shows its focus on its frame (a ring drawn by the surrounding box).
    expect(editor.tag).toBe('div');
    const frameRing = await page.locator('.editor').evaluate((el) => getComputedStyle(el).boxShadow);
    expect(frameRing).not.toBe('none');
    await page.keyboard.type('Alles met het toetsenbord.');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' Vet.');
    await expect.poll(() => page.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain('Alles met het toetsenbord. Vet.');
    expect((await page.getByTestId('editor').locator('strong').innerText()).trim()).toBe('Vet.');
  });

  it('fits a 375 px phone screen without sideways scrolling', async () => {
    const page = await open(375);
    screenshotsOnFailure('phone', () => [page]);
    await signUp(page, suite.server.baseUrl, person('Noor Janssens', 'Stad Genk'));
    await createWorkspace(page, 'Stadskamer Genk — gebiedsgericht werken op de gsm');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    const section = page.locator('section[data-kind="note"]');
    await section.getByText('Nieuw: netwerknotitie').click();
    await section.getByLabel('Titel').fill('Wijkwerking in Winterslag');
    await section.getByRole('button', { name: 'Maken' }).click();
    await page.getByTestId('connection').getByText('verbonden').waitFor();
    await page.getByTestId('editor').click();
    await page.keyboard.type('Een lange zin die op een smal scherm netjes moet afbreken zonder dat de pagina opzij schuift.');
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
