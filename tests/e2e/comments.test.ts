import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { browserSuite } from './helpers/suite';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { openEditor } from './helpers/flows';
import { signIn } from './helpers/sign-in';
import { selectText } from './helpers/selection';

const SENTENCE = 'Fietsstraten worden de norm.';
const INTRO = 'Deze aanbeveling bundelt wat de steden in het atelier over mobiliteit in de binnenstad afspraken.';
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/comments.png');

const suite = browserSuite();

async function signedInPage(who: TestUser): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width: 1280, height: 760 });
  suite.contexts.push(context);
  await signIn(page, suite.server.baseUrl, who.email, who.password);
  return page;
}

/** The thread card whose opening comment says `body`. */
const threadCard = (page: Page, body: string) => page.getByTestId('comment-thread').filter({ hasText: body });

/**
 * Each test's own start: Anna (editor, owner) and Bram (commenter) of a fresh workspace,
 * both signed in with one recommendation open; Anna has written two lines and Bram has them.
 */
async function draftForTwo(): Promise<{ pageA: Page; pageB: Page }> {
  const url = suite.server.url;
  const anna = await registerUser(url, { name: 'Anna Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
  const ws = await createWorkspace(url, anna.token, 'Atelier mobiliteit');
  const documentId = (await createDocument(url, anna.token, ws.id, { title: 'Aanbeveling fietsstraten' })).id;
  const bram = await addMember(url, anna.token, ws.id, 'commenter', { name: 'Bram Claes', organization: 'Stad Mechelen' });
  const [pageA, pageB] = await Promise.all([signedInPage(anna), signedInPage(bram)]);

  const editorA = await openEditor(pageA, suite.server.baseUrl, documentId);
  await editorA.click();
  await pageA.keyboard.type(INTRO);
  await pageA.keyboard.press('Enter');
  await pageA.keyboard.type(`Steden leren van elkaar. ${SENTENCE}`);
  await openEditor(pageB, suite.server.baseUrl, documentId);
  await expect.poll(() => pageB.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain(SENTENCE);
  return { pageA, pageB };
}

/** Anna opens a thread on SENTENCE that mentions Bram, picked from the mention list. */
async function threadMentioningBram(pageA: Page): Promise<void> {
  // Select the sentence as a mouse would (arrow keys get lost while remote carets redraw),
  // then the shortcut opens a new thread on it.
  await selectText(pageA, SENTENCE);
  await pageA.keyboard.press('Control+Alt+m');
  const draft = pageA.getByTestId('comment-draft');
  await draft.waitFor();
  expect(await draft.locator('blockquote').innerText()).toBe(SENTENCE);
  const input = draft.getByTestId('comment-input');
  await input.pressSequentially('Welke straten bedoelen we, @Bra');
  await pageA.getByTestId('mention-list').getByText('Bram Claes').waitFor();
  await input.press('Enter');
  await input.pressSequentially('?');
  expect(await input.inputValue()).toBe('Welke straten bedoelen we, @Bram Claes ?');
  await draft.getByRole('button', { name: 'Plaatsen' }).click();
  await threadCard(pageA, 'Welke straten bedoelen we').waitFor();
}

// Browsers on a shared 2-core machine: give each step room beyond the default 30 s.
describe('commenting on a draft in two browsers', { timeout: 90_000 }, () => {
  it('A comments on a sentence and mentions B; B sees the highlight, the thread and an unread mention live', async () => {
    const { pageA, pageB } = await draftForTwo();
    screenshotsOnFailure('comments', () => [pageA, pageB]);
    await pageB.getByTestId('notification-bell').waitFor();
    expect(await pageB.getByTestId('unread-count').count()).toBe(0);

    await threadMentioningBram(pageA);

    // B, without reloading: the highlight on exactly the sentence, the thread, the mention.
    await expect.poll(() => pageB.locator('.comment-highlight').allInnerTexts(), { timeout: 5_000 }).toEqual([SENTENCE]);
    const atB = threadCard(pageB, 'Welke straten bedoelen we');
    await atB.waitFor({ timeout: 5_000 });
    expect(await atB.locator('.comment-mention').innerText()).toBe('@Bram Claes');
    expect(await atB.getAttribute('class')).not.toContain('thread--active');
    await pageB.locator('.comment-highlight').click();
    await expect.poll(() => atB.getAttribute('class'), { timeout: 5_000 }).toContain('thread--active');
    await expect.poll(() => pageB.getByTestId('unread-count').innerText().catch(() => ''), { timeout: 5_000 }).toBe('1');
    await pageB.getByTestId('notification-bell').click();
    await pageB.getByTestId('notification-list').getByText('Anna Peeters vermeldde je in Aanbeveling fietsstraten').waitFor();
  });

  it('B replies and A sees the reply live; A resolves and the thread leaves B\'s open list', async () => {
    const { pageA, pageB } = await draftForTwo();
    screenshotsOnFailure('comments-reply', () => [pageA, pageB]);
    await threadMentioningBram(pageA);
    const atB = threadCard(pageB, 'Welke straten bedoelen we');
    await atB.waitFor({ timeout: 5_000 });
    await atB.getByTestId('reply-input').fill('De Veldstraat en de Kortrijksesteenweg, zie bijlage 2.');
    await atB.getByRole('button', { name: 'Antwoorden' }).click();
    const atA = threadCard(pageA, 'Welke straten bedoelen we');
    await atA.getByText('De Veldstraat en de Kortrijksesteenweg').waitFor({ timeout: 5_000 });
    expect(await atA.innerText()).toContain('Bram Claes');

    // A commenter may not resolve someone else's thread: B has no such button.
    expect(await atB.getByRole('button', { name: 'Afhandelen' }).count()).toBe(0);
    await pageA.screenshot({ path: SCREENSHOT });

    await atA.getByRole('button', { name: 'Afhandelen' }).click();
    await expect.poll(() => threadCard(pageB, 'Welke straten bedoelen we').count(), { timeout: 5_000 }).toBe(0);
    expect(await pageB.locator('.comment-highlight').count()).toBe(0);
    await pageB.getByTestId('show-resolved').check();
    await threadCard(pageB, 'Welke straten bedoelen we').getByTestId('resolved-by').getByText('Afgehandeld door Anna Peeters').waitFor();
    expect(await pageB.locator('.comment-highlight--resolved').allInnerTexts()).toEqual([SENTENCE]);
  });

  it('deleting the commented sentence moves the thread to the "text deleted" group, quote intact', async () => {
    const { pageA, pageB } = await draftForTwo();
    screenshotsOnFailure('comments-orphan', () => [pageA, pageB]);
    await threadMentioningBram(pageA);
    await threadCard(pageB, 'Welke straten bedoelen we').waitFor({ timeout: 5_000 });
    await pageA.getByTestId('editor').click();
    // The whole last line: arrow keys at the highlight's edge would first step into its span.
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.press('Shift+Home');
    await pageA.keyboard.press('Backspace');
    // The sentence is gone from A's editor (a narrow panel may wrap the line: Shift+Home then
    // takes only its visual line, which is the commented sentence either way).
    await expect.poll(() => pageA.getByTestId('editor').innerText(), { timeout: 5_000 }).not.toContain('Fietsstraten');
    expect(await pageA.getByTestId('editor').innerText()).toContain(INTRO);
    await expect.poll(() => pageB.getByTestId('editor').innerText(), { timeout: 5_000 }).not.toContain('Fietsstraten');
    const orphans = pageB.getByTestId('orphaned-threads');
    await orphans.waitFor({ timeout: 5_000 });
    expect(await orphans.locator('blockquote').innerText()).toBe(SENTENCE);
    expect(await pageB.locator('.comment-highlight').count()).toBe(0);
  });
});
