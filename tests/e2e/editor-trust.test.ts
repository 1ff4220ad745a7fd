import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDocument, createWorkspace, registerUser } from '../helpers/api';
import { NAVIGATE_FALLBACK_DENYLIST } from '../../client/src/offline/navigation-denylist';
import { seriousViolations } from './helpers/axe';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { signIn } from './helpers/sign-in';
import { browserSuite } from './helpers/suite';

const suite = browserSuite();

/** A fresh owner with one recommendation, signed in, with the document open and connected. */
async function openFreshDocument(width?: number): Promise<{ page: Page; context: BrowserContext; documentId: string }> {
  const base = suite.server.baseUrl;
  const owner = await registerUser(base, { name: 'Sara Maes', organization: 'Stad Leuven' });
  const ws = await createWorkspace(base, owner.token, 'Atelier wonen');
  const doc = await createDocument(base, owner.token, ws.id, { title: 'Aanbevelingen wonen' });
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  await signIn(page, base, owner.email, owner.password);
  await page.goto(`${base}/d/${doc.id}`);
  await page.getByTestId('connection').getByText('verbonden').waitFor();
  return { page, context, documentId: doc.id };
}

/** Every value the save indicator shows from now on, in order. */
async function recordSaveStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="save-state"]')!;
    const seen: string[] = [el.getAttribute('data-state')!];
    (window as unknown as { __saveStates: string[] }).__saveStates = seen;
    new MutationObserver(() => {
      const s = el.getAttribute('data-state')!;
      if (seen[seen.length - 1] !== s) seen.push(s);
    }).observe(el, { attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);
}

describe('an editor people trust with their text', { timeout: 90_000 }, () => {
  it('says "Bewaren…" while an edit travels and "Alle wijzigingen bewaard" once the server has it', async () => {
    const { page } = await openFreshDocument();
    screenshotsOnFailure('save-indicator', () => [page]);
    const indicator = page.getByTestId('save-state');
    await expect.poll(() => indicator.innerText(), { timeout: 5_000 }).toContain('Alle wijzigingen bewaard');
    const states = await recordSaveStates(page);
    await page.getByTestId('editor').click();
    await page.keyboard.type('Betaalbaar wonen in de centrumsteden.');
    await expect.poll(() => indicator.getAttribute('data-state'), { timeout: 5_000 }).toBe('saved');
    // Typing goes "saving" at once and ends "saved". On a fast machine the server may confirm
    // between two keystrokes, so the pair can repeat; only changes are recorded.
    const seen = await states();
    expect(seen.slice(0, 2)).toEqual(['saved', 'saving']);
    expect(seen.at(-1)).toBe('saved');
    expect(await indicator.innerText()).toContain('Alle wijzigingen bewaard');
  });

  it('warns before leaving only while edits are not confirmed by the server', async () => {
    const { page, context } = await openFreshDocument();
    screenshotsOnFailure('beforeunload', () => [page]);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.getByTestId('editor').click();
    await page.keyboard.type('Bewaard.');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('saved');
    // Leaving with everything confirmed: no question.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeunload', { cancelable: true })));
    const cancelled = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(cancelled).toBe(false);

    // Offline, an edit waits for the server: now leaving asks first.
    await context.setOffline(true);
    await page.getByTestId('connection').getByText('offline').waitFor();
    await page.keyboard.type(' Nog niet bewaard.');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('offline');
    expect(await page.getByTestId('save-state').innerText()).toContain('Offline — wordt bewaard zodra je weer verbonden bent');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs, { timeout: 5_000 }).toEqual(['beforeunload']);
  });

  it('has no serious or critical accessibility violations on the document page', async () => {
    const { page } = await openFreshDocument();
    screenshotsOnFailure('axe-document', () => [page]);
    await page.getByTestId('editor').click();
    await page.keyboard.type('Inleiding');
    await page.getByRole('button', { name: 'Kop 1' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('De steden werken samen.');
    expect(await page.getByRole('heading', { level: 1, name: 'Aanbevelingen wonen' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the offline app shell', { timeout: 120_000 }, () => {
  it('serves sw.js for revalidation on every visit and keeps its navigation fallback away from server URLs', async () => {
    const res = await fetch(`${suite.server.baseUrl}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const sw = await res.text();
    for (const re of NAVIGATE_FALLBACK_DENYLIST) expect(sw).toContain(re.source);
    for (const path of ['/api/me', '/sync/x', '/invite/abc', '/join/ABC123', '/auth/oidc/callback?code=1', '/api/documents/d/export?format=pdf', '/dev/outbox']) {
      expect(NAVIGATE_FALLBACK_DENYLIST.some((re) => re.test(path)), path).toBe(true);
    }
    for (const path of ['/', '/w/abc', '/d/abc', '/signin']) expect(NAVIGATE_FALLBACK_DENYLIST.some((re) => re.test(path)), path).toBe(false);
  });

  it('opens the app and a document with a local copy on a reload without network; an edit made then reaches the server later', async () => {
    const base = suite.server.baseUrl;
    const owner = await registerUser(base, { name: 'Tom Goossens', organization: 'Stad Kortrijk' });
    const ws = await createWorkspace(base, owner.token, 'Atelier mobiliteit');
    const doc = await createDocument(base, owner.token, ws.id, { title: 'Fietsstraten' });
    const { context, page } = await newPage(suite.browser);
    suite.contexts.push(context);
    screenshotsOnFailure('offline-reload', () => [page]);
    await signIn(page, base, owner.email, owner.password);
    await page.goto(`${base}/d/${doc.id}`);
    await page.getByTestId('connection').getByText('verbonden').waitFor();
    await page.getByTestId('editor').click();
    await page.keyboard.type('Eerste zin.');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('saved');
    // The service worker has the app precached once it is active.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-copy').waitFor();
    await expect.poll(() => page.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain('Eerste zin.');
    await page.getByTestId('editor').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Offline getypt.');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('offline');
    // The API is not served from the cache: offline it fails, and the page says so in a sentence.
    expect(await page.evaluate(() => fetch('/api/me').then(() => 'answered', () => 'failed'))).toBe('failed');
    await page.getByRole('link', { name: /^← Terug naar/ }).click();
    await page.getByRole('alert').getByText('Geen verbinding met de server').waitFor();
    await page.goBack();
    await expect.poll(() => page.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain('Eerste zin. Offline getypt.');

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('saved');
    const md = await fetch(`${base}/api/documents/${doc.id}/export?format=markdown`, { headers: { authorization: `Bearer ${owner.token}` } }).then((r) => r.text());
    expect(md).toContain('Eerste zin. Offline getypt.');
  });
});
