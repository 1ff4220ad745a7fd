import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDocument, createWorkspace, registerUser } from '../helpers/api';
import { browserSuite } from './helpers/suite';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { openEditor } from './helpers/flows';
import { signIn } from './helpers/sign-in';
import { SESSION_COOKIE } from '../../shared/api';

const suite = browserSuite();

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? []);
}

describe('the web app under its Content-Security-Policy, with the session only in the HttpOnly cookie', { timeout: 120_000 }, () => {
  it('signs in, edits a text, comments on it and adds a board card; no token is readable and nothing is blocked', async () => {
    const owner = await registerUser(suite.server.url, { name: 'Lotte Janssens', organization: 'Kenniscentrum Vlaamse Steden' });
    const workspace = await createWorkspace(suite.server.url, owner.token, 'Atelier veiligheid');
    const text = await createDocument(suite.server.url, owner.token, workspace.id, { title: 'Aanbeveling verlichting' });
    const board = await createDocument(suite.server.url, owner.token, workspace.id, { title: 'Bord verlichting', kind: 'board' });

    const { context, page } = await newPage(suite.browser, { width: 1280, height: 800 });
    suite.contexts.push(context);
    screenshotsOnFailure('web-csp', () => [page]);
    const violations = await watchViolations(page);
    const socketUrls: string[] = [];
    page.on('websocket', (ws) => socketUrls.push(ws.url()));

    const index = await page.goto(`${suite.server.baseUrl}/signin`);
    const csp = index!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    await signIn(page, suite.server.baseUrl, owner.email, owner.password);

    // The editor: type, then comment on what was typed.
    const editor = await openEditor(page, suite.server.baseUrl, text.id);
    await editor.click();
    await page.keyboard.type('Straatverlichting blijft aan tot middernacht.');
    await page.keyboard.press('Shift+Home');
    // The browser moves the selection itself; the editor reads it on the next selectionchange.
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('.ProseMirror') as unknown as { editor?: { state: { selection: { empty: boolean } } } } | null)?.editor?.state.selection.empty))
      .toBe(false);
    await page.keyboard.press('Control+Alt+m');
    const draft = page.getByTestId('comment-draft');
    await draft.waitFor();
    await draft.getByTestId('comment-input').fill('Ook in de parken?');
    await draft.getByRole('button', { name: 'Plaatsen' }).click();
    await page.getByTestId('comment-thread').filter({ hasText: 'Ook in de parken?' }).waitFor();

    // The board: add a column and a card.
    await page.goto(`${suite.server.baseUrl}/d/${board.id}`);
    await page.getByTestId('connection').getByText('verbonden').waitFor();
    await page.getByLabel('Titel van de nieuwe kolom').fill('Kansen');
    await page.getByRole('button', { name: 'Kolom toevoegen' }).click();
    await page.getByLabel('Nieuwe kaart in Kansen').fill('Slimme lantaarns');
    await page.getByLabel('Nieuwe kaart in Kansen').press('Enter');
    await page.getByTestId('board-card').filter({ hasText: 'Slimme lantaarns' }).waitFor();

    // The session works through the cookie, which page script cannot read.
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session?.httpOnly).toBe(true);
    expect(session!.value).not.toBe('');
    const seenByScript = await page.evaluate(() => ({
      cookie: document.cookie,
      storage: Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'),
      session: Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`).join('\n'),
    }));
    for (const place of Object.values(seenByScript)) expect(place).not.toContain(session!.value);
    expect(seenByScript.cookie).not.toContain(SESSION_COOKIE);

    // The sockets connected without the token in their URL (it would land in access logs).
    expect(socketUrls.length).toBeGreaterThanOrEqual(2);
    for (const url of socketUrls) {
      expect(url).not.toContain('token=');
      expect(url).not.toContain(session!.value);
    }

    expect(await violations()).toEqual([]);
  });
});
