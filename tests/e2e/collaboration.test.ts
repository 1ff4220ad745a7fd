import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, person, screenshotsOnFailure } from './helpers/browser';
import { createRecommendation, createWorkspace, inviteLink, openEditor, signUp } from './helpers/flows';

const suite = browserSuite();

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  return page;
}

/** The text of the editor's paragraphs, as the person sees it. */
const editorText = (page: Page) => page.getByTestId('editor').innerText();

// Browsers on a shared 2-core machine: give each step room beyond the default 30 s.
describe('two people co-writing a recommendation in two browsers', { timeout: 90_000 }, () => {
  const anna = person('Anna Peeters', 'Kenniscentrum Vlaamse Steden');
  const bram = person('Bram Claes', 'Stad Mechelen');
  const vera = person('Vera Jacobs', 'UGent');
  let pageA: Page;
  let pageB: Page;
  let documentId: string;

  it('A creates a workspace and invites B, who signs up from the link and lands in it', async () => {
    pageA = await open();
    pageB = await open();
    screenshotsOnFailure('invite', () => [pageA, pageB]);

    await signUp(pageA, suite.server.baseUrl, anna);
    await pageA.getByText('Je hebt nog geen werkruimte').waitFor();
    await createWorkspace(pageA, 'Atelier bestuurlijke capaciteit');
    const link = await inviteLink(pageA, 'editor');
    expect(link).toMatch(/^\/invite\/[A-Za-z0-9_-]+$/);

    // B has no account: the invite link sends B to sign up first, then straight in.
    await pageB.goto(suite.server.baseUrl + link);
    await pageB.getByText('Je bent uitgenodigd voor een werkruimte').waitFor();
    await signUp(pageB, suite.server.baseUrl, bram, new URL(pageB.url()).pathname + new URL(pageB.url()).search);
    await pageB.getByRole('heading', { level: 1, name: 'Atelier bestuurlijke capaciteit' }).waitFor();
    await pageB.getByText('Stad Mechelen · bewerker').waitFor();
  });

  it('both open the same recommendation; what A types appears at B, and B\'s caret shows at A with B\'s name', async () => {
    screenshotsOnFailure('coedit', () => [pageA, pageB]);
    documentId = await createRecommendation(pageA, 'Aanbevelingen netwerkbestuur', 'Mechelen, netwerkbestuur');
    const editorA = await openEditor(pageA, suite.server.baseUrl, documentId);
    const editorB = await openEditor(pageB, suite.server.baseUrl, documentId);

    await editorA.click();
    await pageA.keyboard.type('Steden leren van elkaar.');
    await expect.poll(() => editorText(pageB), { timeout: 5_000 }).toContain('Steden leren van elkaar.');

    await editorB.click();
    await pageB.keyboard.press('End');
    const caretAtA = pageA.locator('.collaboration-carets__label', { hasText: 'Bram Claes' });
    await caretAtA.waitFor({ timeout: 5_000 });
    expect(await caretAtA.count()).toBe(1);
    // Presence shows B with B's organisation at A.
    await pageA.getByTestId('presence').getByText('Bram Claes').waitFor();
    expect(await pageA.getByTestId('presence').innerText()).toContain('Stad Mechelen');
  });

  it('a viewer gets a labelled read-only editor and cannot change a word', async () => {
    const pageV = await open();
    screenshotsOnFailure('viewer', () => [pageA, pageV]);
    await pageA.goto(`${suite.server.baseUrl}/w/${(await workspaceIdOf(pageA))}`);
    const link = await inviteLink(pageA, 'viewer');
    await pageV.goto(suite.server.baseUrl + link);
    await signUp(pageV, suite.server.baseUrl, vera, new URL(pageV.url()).pathname + new URL(pageV.url()).search);
    await pageV.getByRole('heading', { level: 1, name: 'Atelier bestuurlijke capaciteit' }).waitFor();

    await openEditor(pageA, suite.server.baseUrl, documentId);
    const editorV = await openEditor(pageV, suite.server.baseUrl, documentId);
    await expect.poll(() => editorText(pageV)).toContain('Steden leren van elkaar.');
    await pageV.getByTestId('read-only').getByText('Alleen lezen').waitFor();
    expect(await editorV.getAttribute('contenteditable')).toBe('false');
    expect(await pageV.getByRole('toolbar').count()).toBe(0);

    const before = await editorText(pageA);
    await editorV.click();
    await pageV.keyboard.type('Dit mag niet.');
    await pageV.waitForTimeout(500);
    expect(await editorText(pageV)).not.toContain('Dit mag niet.');
    expect(await editorText(pageA)).toBe(before);
  });

  it('an editor renames the document and moves it to review; the other person sees both', async () => {
    screenshotsOnFailure('title-status', () => [pageA, pageB]);
    await pageA.getByRole('button', { name: 'Titel wijzigen' }).click();
    const title = pageA.getByLabel('Titel van het document');
    await title.fill('Aanbevelingen netwerkbestuur (ontwerp 2)');
    await title.press('Enter');
    await pageA.getByRole('heading', { level: 1, name: 'Aanbevelingen netwerkbestuur (ontwerp 2)' }).waitFor();
    await pageA.getByTestId('doc-status').selectOption('review');
    await expect.poll(() => pageA.getByTestId('doc-status').inputValue()).toBe('review');

    await pageB.reload();
    await expect.poll(() => pageB.getByTestId('doc-title').innerText()).toBe('Aanbevelingen netwerkbestuur (ontwerp 2)');
    expect(await pageB.getByTestId('doc-status').inputValue()).toBe('review');
    await pageB.getByRole('link', { name: /^← Terug naar/ }).click();
    await pageB.locator('section[data-kind="recommendation"]').getByText('ter bespreking').waitFor();
    await pageB.goBack();
    await pageB.getByTestId('connection').getByText('verbonden').waitFor();
  });

  it('a reload keeps the content', async () => {
    screenshotsOnFailure('reload', () => [pageA]);
    await pageA.reload();
    await pageA.getByTestId('connection').getByText('verbonden').waitFor();
    await expect.poll(() => editorText(pageA)).toContain('Steden leren van elkaar.');
  });

  it('an edit made offline reaches the other person once the network is back', async () => {
    screenshotsOnFailure('offline', () => [pageA, pageB]);
    const contextB = pageB.context();
    await contextB.setOffline(true);
    await pageB.getByTestId('connection').getByText('offline — je wijzigingen worden bewaard').waitFor();

    await pageB.getByTestId('editor').click();
    await pageB.keyboard.press('Control+End');
    await pageB.keyboard.press('Enter');
    await pageB.keyboard.type('Geschreven zonder netwerk.');
    await pageA.waitForTimeout(700);
    expect(await editorText(pageA)).not.toContain('Geschreven zonder netwerk.');

    await contextB.setOffline(false);
    await pageB.getByTestId('connection').getByText('verbonden').waitFor();
    await expect.poll(() => editorText(pageA), { timeout: 5_000 }).toContain('Geschreven zonder netwerk.');
  });

  it('an offline edit survives closing the page (IndexedDB) and syncs when the document is opened again online', async () => {
    screenshotsOnFailure('offline-reload', () => [pageA, pageB]);
    const contextB = pageB.context();
    await contextB.setOffline(true);
    await pageB.getByTestId('connection').getByText('offline').waitFor();
    await pageB.getByTestId('editor').click();
    await pageB.keyboard.press('Control+End');
    await pageB.keyboard.press('Enter');
    await pageB.keyboard.type('Bewaard in de suite.browser.');
    // Give y-indexeddb its moment to write, then throw the page away: the edit now lives
    // only in this browser's IndexedDB, never having reached the suite.server.
    await pageB.waitForTimeout(300);
    await pageB.close();
    expect(await editorText(pageA)).not.toContain('Bewaard in de suite.browser.');

    await contextB.setOffline(false);
    pageB = await contextB.newPage();
    await openEditor(pageB, suite.server.baseUrl, documentId);
    await expect.poll(() => editorText(pageA), { timeout: 5_000 }).toContain('Bewaard in de suite.browser.');
  });
});

async function workspaceIdOf(page: Page): Promise<string> {
  const href = await page.getByRole('link', { name: /^← Terug naar/ }).getAttribute('href');
  return href!.split('/').pop()!;
}
