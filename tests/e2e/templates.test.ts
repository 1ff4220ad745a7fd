import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, person, screenshotsOnFailure } from './helpers/browser';
import { createWorkspace, signUp } from './helpers/flows';

const suite = browserSuite();

describe('templates in the browser', { timeout: 90_000 }, () => {
  it('creates a recommendation from the Aanbevelingennota, saves it as a workspace template and offers it', async () => {
    const { context, page } = await newPage(suite.browser, { width: 375, height: 800 });
    suite.contexts.push(context);
    screenshotsOnFailure('templates', () => [page]);
    await signUp(page, suite.server.baseUrl, person('Karim Benali', 'Stad Mechelen'));
    const workspaceId = await createWorkspace(page, 'Stadskamer Mechelen');
    const section = page.locator('section[data-kind="recommendation"]');
    await section.getByText('Nieuw: aanbeveling').click();
    await section.getByLabel('Titel').fill('Aanbevelingen netwerkbestuur');
    await section.getByLabel('Sjabloon').selectOption({ label: 'Aanbevelingennota' });
    await section.getByRole('button', { name: 'Maken' }).click();
    const editor = page.getByTestId('editor');
    await editor.getByRole('heading', { level: 2, name: 'Aanleiding' }).waitFor();
    await editor.getByRole('heading', { level: 2, name: 'Aanbevelingen' }).waitFor();
    expect(await editor.locator('ol li').count()).toBeGreaterThan(0);

    await page.getByTestId('doc-actions').click();
    await page.getByRole('button', { name: 'Bewaren als sjabloon…' }).click();
    const dialog = page.getByRole('dialog', { name: /bewaren als sjabloon/ });
    await dialog.getByLabel('Naam van het sjabloon').fill('Nota Mechelen');
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await dialog.getByText('Bewaard als sjabloon "Nota Mechelen".').waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();

    await page.goto(`${suite.server.baseUrl}/w/${workspaceId}`);
    await section.getByText('Nieuw: aanbeveling').click();
    const picker = section.getByLabel('Sjabloon');
    await expect.poll(() => picker.locator('option').allTextContents(), { timeout: 5_000 }).toContain('Nota Mechelen');
    await section.getByRole('button', { name: 'Sjabloon "Nota Mechelen" verwijderen' }).click();
    await expect.poll(() => picker.locator('option').allTextContents(), { timeout: 5_000 }).not.toContain('Nota Mechelen');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  });
});
