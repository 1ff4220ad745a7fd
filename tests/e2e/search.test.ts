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
