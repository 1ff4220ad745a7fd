import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, person, screenshotsOnFailure } from './helpers/browser';
import { createRecommendation, createWorkspace, openEditor, signUp } from './helpers/flows';

const suite = browserSuite();

describe('search from anywhere (Ctrl+K)', { timeout: 90_000 }, () => {
  it('finds a sentence just typed, highlights the word and opens the document', async () => {
    const { context, page } = await newPage(suite.browser);
    suite.contexts.push(context);
    screenshotsOnFailure('search', () => [page]);
    await signUp(page, suite.server.baseUrl, person('Sofie Wouters', 'Stad Leuven'));
    await createWorkspace(page, 'Atelier wonen');
    const documentId = await createRecommendation(page, 'Aanbevelingen wonen');
    const editor = await openEditor(page, suite.server.baseUrl, documentId);
    await editor.click();
    await page.keyboard.type('De burgerbegrotingen van Leuven gaven buurten een stem.');
    await page.goto(suite.server.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Je werkruimtes' }).waitFor();

    await page.keyboard.press('Control+K');
    const dialog = page.getByTestId('search-dialog');
    await dialog.getByRole('heading', { name: 'Zoeken in al je werkruimtes' }).waitFor();
    await page.getByTestId('search-input').fill('burgerbegroting');
    const results = dialog.getByTestId('search-results');
    await expect.poll(() => results.locator('mark').first().textContent(), { timeout: 5_000 }).toBe('burgerbegrotingen');
    await expect(results.getByText('Atelier wonen', { exact: false }).count()).resolves.toBeGreaterThan(0);

    await page.getByTestId('search-input').fill('zwembaden');
    await dialog.getByText('Niets gevonden voor "zwembaden"', { exact: false }).waitFor();

    await page.getByTestId('search-input').fill('stem buurten');
    await results.getByRole('link', { name: /Aanbevelingen wonen/ }).click();
    await page.waitForURL(`**/d/${documentId}`);
    expect(await dialog.isVisible()).toBe(false);
  });
});

describe('Wie weet wat', { timeout: 90_000 }, () => {
  it('shows who worked on which theme, and filters by a theme chip', async () => {
    const { context, page } = await newPage(suite.browser, { width: 375, height: 800 });
    suite.contexts.push(context);
    screenshotsOnFailure('people', () => [page]);
    await signUp(page, suite.server.baseUrl, person('Jan Verhoeven', 'Stad Kortrijk'));
    await createWorkspace(page, 'Atelier herbestemming');
    await createRecommendation(page, 'Kerken herbestemmen', 'erfgoed, leegstand');
    await page.goto(suite.server.baseUrl + '/');
    await page.getByRole('link', { name: 'Wie weet wat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie weet wat' }).waitFor();
    const list = page.getByTestId('people-list');
    const card = list.getByRole('listitem').filter({ hasText: 'Jan Verhoeven' });
    await card.getByText('Stad Kortrijk').waitFor();
    await card.getByRole('link', { name: 'Kerken herbestemmen' }).waitFor();
    await card.getByRole('button', { name: /leegstand/ }).click();
    await expect.poll(() => page.getByTestId('people-search').inputValue(), { timeout: 5_000 }).toBe('leegstand');
    await page.getByTestId('people-search').fill('zwembad');
    await page.getByText('Niemand gevonden voor "zwembad"', { exact: false }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  });
});

describe('document life cycle in the browser', { timeout: 90_000 }, () => {
  it('moves a document to the trash with confirmation and restores it from the workspace page', async () => {
    const { context, page } = await newPage(suite.browser);
    suite.contexts.push(context);
    screenshotsOnFailure('lifecycle', () => [page]);
    await signUp(page, suite.server.baseUrl, person('Ines Maes', 'Stad Genk'));
    const workspaceId = await createWorkspace(page, 'Atelier leegstand');
    await createRecommendation(page, 'Tijdelijk gebruik van leegstaande panden');
    await page.getByTestId('doc-actions').click();
    await page.getByRole('button', { name: 'Naar de prullenbak' }).click();
    const confirm = page.getByRole('dialog', { name: /naar de prullenbak\?/ });
    await confirm.getByRole('button', { name: 'Naar de prullenbak' }).click();
    await page.waitForURL(`**/w/${workspaceId}`);
    const list = page.locator('section[data-kind="recommendation"]');
    await expect.poll(() => list.getByRole('link', { name: 'Tijdelijk gebruik van leegstaande panden' }).count(), { timeout: 5_000 }).toBe(0);
    await page.getByTestId('trash').locator('summary').click();
    await page.getByTestId('trash').getByRole('button', { name: /Terugzetten/ }).click();
    await list.getByRole('link', { name: 'Tijdelijk gebruik van leegstaande panden' }).waitFor();
    await expect.poll(() => page.getByTestId('trash').getByText('De prullenbak is leeg.').isVisible(), { timeout: 5_000 }).toBe(true);
  });
});
