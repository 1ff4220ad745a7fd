/**
 * Refreshes docs/members-desktop.png and docs/members-375.png: the owner's members panel
 * with roles, an e-mail invite and an open link. Not a test (it writes tracked files):
 * run `npx tsx tests/e2e/take-member-screenshots.ts`.
 */
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS, seed } from '../../scripts/seed';
import { addMember, call } from '../helpers/api';
import { startAppServer } from './helpers/app-server';
import { launchBrowser, newPage } from './helpers/browser';
import { signIn } from './helpers/sign-in';

const DOCS = path.resolve(import.meta.dirname, '../../docs');

async function main(): Promise<void> {
  const server = await startAppServer();
  const browser = await launchBrowser();
  try {
    const { workspaceId } = await seed(server.baseUrl);
    const owner = await call(server.baseUrl, 'POST', '/api/auth/login', { body: { email: DEMO_USERS[0].email, password: DEMO_PASSWORD } });
    const token = owner.body.token as string;
    await addMember(server.baseUrl, token, workspaceId, 'participant', { name: 'Sara Peeters', organization: 'Stad Leuven' });
    await addMember(server.baseUrl, token, workspaceId, 'commenter', { name: 'Jonas Wouters', organization: 'Stad Kortrijk' });
    await call(server.baseUrl, 'POST', `/api/workspaces/${workspaceId}/invites`, { token, body: { role: 'participant', email: 'griet.vandamme@brugge.be', expiresInHours: 72 } });
    await call(server.baseUrl, 'POST', `/api/workspaces/${workspaceId}/invites`, { token, body: { role: 'viewer', expiresInHours: 720 } });
    for (const [label, width, height] of [['desktop', 1280, 900], ['375', 375, 812]] as const) {
      const { context, page } = await newPage(browser, { width, height });
      await signIn(page, server.baseUrl, DEMO_USERS[0].email, DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/w/${workspaceId}`);
      const panel = page.locator('.members-panel');
      await panel.getByTestId('open-invites').waitFor();
      await panel.screenshot({ path: path.join(DOCS, `members-${label}.png`) });
      await context.close();
    }
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
