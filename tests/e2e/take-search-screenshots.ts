/**
 * Refreshes docs/search.png and docs/people.png (search across workspaces, "Wie weet wat")
 * from the demo data. Not a test (it writes tracked files): `npx tsx tests/e2e/take-search-screenshots.ts`.
 */
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS, seed } from '../../scripts/seed';
import { startAppServer } from './helpers/app-server';
import { launchBrowser, newPage } from './helpers/browser';
import { signIn } from './helpers/sign-in';

const DOCS = path.resolve(import.meta.dirname, '../../docs');

async function main(): Promise<void> {
  const server = await startAppServer({ SEARCH_INDEX_DELAY_MS: '50' });
  const browser = await launchBrowser();
  try {
    await seed(server.baseUrl);
    const { page } = await newPage(browser, { width: 1280, height: 860 });
    await signIn(page, server.baseUrl, DEMO_USERS[0].email, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Je werkruimtes' }).waitFor();
    await page.keyboard.press('Control+K');
    await page.getByTestId('search-input').fill('netwerk');
    await page.getByTestId('search-results').locator('mark').first().waitFor();
    await page.screenshot({ path: path.join(DOCS, 'search.png') });
    await page.keyboard.press('Escape');
    await page.goto(`${server.baseUrl}/people`);
    await page.getByTestId('people-list').waitFor();
    await page.screenshot({ path: path.join(DOCS, 'people.png') });
    const phone = await newPage(browser, { width: 375, height: 812 });
    await signIn(phone.page, server.baseUrl, DEMO_USERS[1].email, DEMO_PASSWORD);
    await phone.page.goto(`${server.baseUrl}/people`);
    await phone.page.getByTestId('people-list').waitFor();
    await phone.page.screenshot({ path: path.join(DOCS, 'people-375.png'), fullPage: true });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
