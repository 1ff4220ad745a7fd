import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, person, screenshotsOnFailure } from './helpers/browser';
import { confirmInvite, createWorkspace, inviteLink, openEditor, signUp } from './helpers/flows';
import { signIn } from './helpers/sign-in';
import { addMember, createDocument, createWorkspace as createWorkspaceByApi, registerUser, type TestUser } from '../helpers/api';

const suite = browserSuite();

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  return page;
}

async function signedIn(who: TestUser): Promise<Page> {
  const page = await open();
  await signIn(page, suite.server.baseUrl, who.email, who.password);
  return page;
}

/** The text of the editor's paragraphs, as the person sees it. */
const editorText = (page: Page) => page.getByTestId('editor').innerText();
/** The document in the page's editor, without the other people's carets. */
const editorContent = (page: Page) =>
  page.evaluate(() => JSON.stringify((document.querySelector('.tiptap') as unknown as { editor: { getJSON(): unknown } }).editor.getJSON()));

const FIRST_SENTENCE = 'Steden leren van elkaar.';
const WORKSPACE = 'Atelier bestuurlijke capaciteit';

/**
 * Each test's own start: Anna (owner) and Bram (editor) of a fresh workspace with one
 * recommendation, both signed in with it open; Anna has typed a first sentence and Bram has it.
 */
async function coWriters(): Promise<{ anna: TestUser; workspaceId: string; documentId: string; pageA: Page; pageB: Page }> {
  const url = suite.server.baseUrl;
  const anna = await registerUser(url, { name: 'Anna Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
  const workspace = await createWorkspaceByApi(url, anna.token, WORKSPACE);
  const document = await createDocument(url, anna.token, workspace.id, { title: 'Aanbevelingen netwerkbestuur' });
  const bram = await addMember(url, anna.token, workspace.id, 'editor', { name: 'Bram Claes', organization: 'Stad Mechelen' });
  const [pageA, pageB] = await Promise.all([signedIn(anna), signedIn(bram)]);
  const editorA = await openEditor(pageA, url, document.id);
  await openEditor(pageB, url, document.id);
  await editorA.click();
  await pageA.keyboard.type(FIRST_SENTENCE);
  await expect.poll(() => editorText(pageB), { timeout: 5_000 }).toContain(FIRST_SENTENCE);
  return { anna, workspaceId: workspace.id, documentId: document.id, pageA, pageB };
}

/**
 * How many updates the page's IndexedDB copies (y-indexeddb) hold. A barrier as well as a
 * count: IndexedDB starts this read only after every write transaction on the same store
 * created before it has committed, and y-indexeddb creates one per edit as the edit happens.
 */
function storedUpdates(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
    const count = (name: string) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error ?? new Error(`cannot open ${name}`));
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('updates')) return resolve((db.close(), 0));
          const counting = db.transaction('updates', 'readonly').objectStore('updates').count();
          counting.onsuccess = () => resolve((db.close(), counting.result));
          counting.onerror = () => reject(counting.error ?? new Error('count failed'));
        };
      });
    return (await Promise.all(names.map(count))).reduce((a, b) => a + b, 0);
  });
}

// Browsers on a shared 2-core machine: give each step room beyond the default 30 s.
describe('two people co-writing a recommendation in two browsers', { timeout: 90_000 }, () => {
  it('A creates a workspace and invites B, who signs up from the link and lands in it', async () => {
    const anna = person('Anna Peeters', 'Kenniscentrum Vlaamse Steden');
    const bram = person('Bram Claes', 'Stad Mechelen');
    const pageA = await open();
    const pageB = await open();
    screenshotsOnFailure('invite', () => [pageA, pageB]);

    await signUp(pageA, suite.server.baseUrl, anna);
    await pageA.getByText('Je hebt nog geen werkruimte').waitFor();
    await createWorkspace(pageA, WORKSPACE);
    const link = await inviteLink(pageA, 'editor');
    expect(link).toMatch(/^\/invite\/[A-Za-z0-9_-]+$/);

    // B has no account: the invite link sends B to sign up first, then asks before joining.
    await pageB.goto(suite.server.baseUrl + link);
    await pageB.getByText('Je bent uitgenodigd voor een werkruimte').waitFor();
    await signUp(pageB, suite.server.baseUrl, bram, new URL(pageB.url()).pathname + new URL(pageB.url()).search);
    await confirmInvite(pageB, WORKSPACE);
    await pageB.getByText('Stad Mechelen · bewerker').waitFor();
  });

  it('both open the same recommendation; what A types appears at B, and B\'s caret shows at A with B\'s name', async () => {
    const { pageA, pageB } = await coWriters();
    screenshotsOnFailure('coedit', () => [pageA, pageB]);
    await pageA.keyboard.type(' Netwerken hebben regie nodig.');
    await expect.poll(() => editorText(pageB), { timeout: 5_000 }).toContain('Steden leren van elkaar. Netwerken hebben regie nodig.');

    await pageB.getByTestId('editor').click();
    await pageB.keyboard.press('End');
    const caretAtA = pageA.locator('.collaboration-carets__label', { hasText: 'Bram Claes' });
    await caretAtA.waitFor({ timeout: 5_000 });
    expect(await caretAtA.count()).toBe(1);
    // Presence shows B with B's organisation at A.
    await pageA.getByTestId('presence').getByText('Bram Claes').waitFor();
    expect(await pageA.getByTestId('presence').innerText()).toContain('Stad Mechelen');
  });

  it('a viewer gets a labelled read-only editor and cannot change a word', async () => {
    const { anna, workspaceId, documentId, pageA } = await coWriters();
    const vera = await addMember(suite.server.baseUrl, anna.token, workspaceId, 'viewer', { name: 'Vera Jacobs', organization: 'UGent' });
    const pageV = await signedIn(vera);
    screenshotsOnFailure('viewer', () => [pageA, pageV]);

    const editorV = await openEditor(pageV, suite.server.baseUrl, documentId);
    await expect.poll(() => editorText(pageV), { timeout: 5_000 }).toContain(FIRST_SENTENCE);
    await pageV.getByTestId('read-only').getByText('Alleen lezen').waitFor();
    expect(await editorV.getAttribute('contenteditable')).toBe('false');
    expect(await pageV.getByRole('toolbar').count()).toBe(0);

    await editorV.click();
    await pageV.keyboard.type('Dit mag niet.');
    // Barrier instead of a sleep: A's next words reach V after V's keys were handled, so once
    // V shows them, V's copy is A's copy, with nothing of V's own in it.
    await pageA.keyboard.type(' Klaar.');
    await expect.poll(() => editorText(pageV), { timeout: 5_000 }).toContain('Klaar.');
    expect(await editorContent(pageV)).toBe(await editorContent(pageA));
    expect(await editorText(pageA)).not.toContain('Dit mag niet.');
  });

  it('an editor renames the document and moves it to review; the other person sees both', async () => {
    const { pageA, pageB } = await coWriters();
    screenshotsOnFailure('title-status', () => [pageA, pageB]);
    await pageA.getByRole('button', { name: 'Titel wijzigen' }).click();
    const title = pageA.getByLabel('Titel van het document');
    await title.fill('Aanbevelingen netwerkbestuur (ontwerp 2)');
    await title.press('Enter');
    await pageA.getByRole('heading', { level: 1, name: 'Aanbevelingen netwerkbestuur (ontwerp 2)' }).waitFor();
    await pageA.getByTestId('doc-status').selectOption('review');
    await expect.poll(() => pageA.getByTestId('doc-status').inputValue(), { timeout: 5_000 }).toBe('review');

    await pageB.reload();
    await expect.poll(() => pageB.getByTestId('doc-title').innerText(), { timeout: 5_000 }).toBe('Aanbevelingen netwerkbestuur (ontwerp 2)');
    expect(await pageB.getByTestId('doc-status').inputValue()).toBe('review');
    await pageB.getByRole('link', { name: /^← Terug naar/ }).click();
    await pageB.locator('section[data-kind="recommendation"]').getByText('ter bespreking').waitFor();
    await pageB.goBack();
    await pageB.getByTestId('connection').getByText('verbonden').waitFor();
  });

  it('a reload keeps the content', async () => {
    const { pageA } = await coWriters();
    screenshotsOnFailure('reload', () => [pageA]);
    await pageA.reload();
    await pageA.getByTestId('connection').getByText('verbonden').waitFor();
    await expect.poll(() => editorText(pageA), { timeout: 5_000 }).toContain(FIRST_SENTENCE);
  });

  it('an edit made offline reaches the other person once the network is back', async () => {
    const { pageA, pageB } = await coWriters();
    screenshotsOnFailure('offline', () => [pageA, pageB]);
    const contextB = pageB.context();
    await contextB.setOffline(true);
    // "offline" is shown as the socket is closed: nothing typed from here on can leave.
    await pageB.getByTestId('connection').getByText('offline — je wijzigingen worden bewaard').waitFor();

    await pageB.getByTestId('editor').click();
    await pageB.keyboard.press('Control+End');
    await pageB.keyboard.press('Enter');
    await pageB.keyboard.type('Geschreven zonder netwerk.');
    // B holds an edit the server never confirmed, so A cannot have it.
    await expect.poll(() => pageB.getByTestId('save-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('offline');
    expect(await editorText(pageA)).not.toContain('Geschreven zonder netwerk.');

    await contextB.setOffline(false);
    await pageB.getByTestId('connection').getByText('verbonden').waitFor();
    await expect.poll(() => editorText(pageA), { timeout: 5_000 }).toContain('Geschreven zonder netwerk.');
  });

  it('an offline edit survives closing the page (IndexedDB) and syncs when the document is opened again online', async () => {
    const { documentId, pageA, pageB } = await coWriters();
    screenshotsOnFailure('offline-reload', () => [pageA, pageB]);
    const contextB = pageB.context();
    await contextB.setOffline(true);
    await pageB.getByTestId('connection').getByText('offline').waitFor();
    const before = await storedUpdates(pageB);
    await pageB.getByTestId('editor').click();
    await pageB.keyboard.press('Control+End');
    await pageB.keyboard.press('Enter');
    await pageB.keyboard.type('Bewaard in de browser.');
    // Once y-indexeddb has written it, throw the page away: the edit now lives only in this
    // browser's IndexedDB, never having reached the server.
    expect(await storedUpdates(pageB)).toBeGreaterThan(before);
    await pageB.close();
    expect(await editorText(pageA)).not.toContain('Bewaard in de browser.');

    await contextB.setOffline(false);
    const reopened = await contextB.newPage();
    await openEditor(reopened, suite.server.baseUrl, documentId);
    await expect.poll(() => editorText(pageA), { timeout: 5_000 }).toContain('Bewaard in de browser.');
  });
});
