/**
 * Refreshes the PNGs in docs/: the workspace page and two people co-editing, on a desktop
 * and at 375 px. Not a test (it writes tracked files): run `npx tsx tests/e2e/take-screenshots.ts`.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, seed } from '../../scripts/seed';
import { startAppServer } from './helpers/app-server';
import { launchBrowser, newPage } from './helpers/browser';
import { signIn } from './helpers/sign-in';

const DOCS = path.resolve(import.meta.dirname, '../../docs');

async function main(): Promise<void> {
  const server = await startAppServer();
  const browser = await launchBrowser();
  try {
    const { workspaceId, documentIds } = await seed(server.baseUrl);
    for (const [label, width, height] of [['desktop', 1280, 860], ['375', 375, 812]] as const) {
      const a = await newPage(browser, { width, height });
      const b = await newPage(browser, { width: 1280, height: 860 });
      await signIn(a.page, server.baseUrl, DEMO_USERS[0].email, DEMO_PASSWORD);
      await signIn(b.page, server.baseUrl, DEMO_USERS[1].email, DEMO_PASSWORD);

      await a.page.goto(`${server.baseUrl}/w/${workspaceId}`);
      await a.page.getByRole('heading', { level: 2, name: 'Aanbevelingen' }).waitFor();
      await a.page.screenshot({ path: path.join(DOCS, `workspace-${label}.png`), fullPage: label === '375' });

      await openDocument(a.page, server.baseUrl, documentIds.recommendation);
      await openDocument(b.page, server.baseUrl, documentIds.recommendation);
      // B puts the caret in the second paragraph, so A sees B's named caret in the text.
      await b.page.getByTestId('editor').locator('p').first().click();
      await b.page.keyboard.press('End');
      await a.page.getByTestId('editor').locator('li').nth(1).click();
      await a.page.locator('.collaboration-carets__label', { hasText: DEMO_USERS[1].name }).waitFor();
      await a.page.evaluate(() => window.scrollTo(0, 0));
      await a.page.screenshot({ path: path.join(DOCS, `coediting-${label}.png`) });
      await a.context.close();
      await b.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function openDocument(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}/d/${id}`);
  await page.getByTestId('connection').getByText('verbonden').waitFor();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
