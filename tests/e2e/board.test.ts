/**
 * The workshop board in two browsers: A builds the board and B votes, both see each other's
 * changes live; keyboard moves; locking; a phone-width board; a busy board for docs/board.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, RESULTS_DIR, screenshotsOnFailure } from './helpers/browser';
import { signIn } from './helpers/sign-in';
import { addMember, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import * as ops from '../../client/src/board/board-doc';

const suite = browserSuite();

async function open(who: TestUser, width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width, height: width ? 800 : 900 });
  suite.contexts.push(context);
  await signIn(page, suite.server.baseUrl, who.email, who.password);
  return page;
}

async function openBoard(page: Page, documentId: string): Promise<void> {
  await page.goto(`${suite.server.baseUrl}/d/${documentId}`);
  await page.getByTestId('connection').getByText('verbonden').waitFor();
  await page.getByTestId('board').waitFor();
}

const card = (page: Page, text: string) => page.getByTestId('board-card').filter({ hasText: text });
const columnOf = (page: Page, title: string) => page.getByTestId('board-column').filter({ has: page.getByRole('textbox', { name: `Titel van kolom ${title}` }) });

describe('a workshop board in two browsers', { timeout: 120_000 }, () => {
  let anna: TestUser;
  let bram: TestUser;
  let boardId: string;
  let pageA: Page;
  let pageB: Page;

  it('A adds columns and a card, B sees it and votes, A sees the count', async () => {
    anna = await registerUser(suite.server.baseUrl, { name: 'Anna Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
    const workspace = await createWorkspace(suite.server.baseUrl, anna.token, 'Stadskamer Gent');
    bram = await addMember(suite.server.baseUrl, anna.token, workspace.id, 'editor', { name: 'Bram Claes', organization: 'Stad Mechelen' });
    boardId = (await createDocument(suite.server.baseUrl, anna.token, workspace.id, { kind: 'board', title: 'Bord mobiliteit' })).id;
    pageA = await open(anna);
    pageB = await open(bram);
    screenshotsOnFailure('board-vote', () => [pageA, pageB]);
    await openBoard(pageA, boardId);
    await openBoard(pageB, boardId);

    for (const title of ['Kansen', 'Zorgen']) {
      await pageA.getByLabel('Titel van de nieuwe kolom').fill(title);
      await pageA.getByRole('button', { name: 'Kolom toevoegen' }).click();
    }
    await pageA.getByLabel('Nieuwe kaart in Kansen').fill('Fietsstraten rond de scholen');
    await pageA.getByLabel('Nieuwe kaart in Kansen').press('Enter');

    const atB = card(pageB, 'Fietsstraten rond de scholen');
    await atB.waitFor({ timeout: 5_000 });
    expect(await atB.innerText()).toContain('Anna Peeters · Kenniscentrum Vlaamse Steden');
    await expect.poll(() => pageB.getByTestId('votes-left').innerText()).toBe('Je hebt nog 5 van 5 stemmen.');
    await atB.getByRole('button', { name: 'Stem geven op "Fietsstraten rond de scholen"' }).click();
    await expect.poll(() => pageB.getByTestId('votes-left').innerText()).toBe('Je hebt nog 4 van 5 stemmen.');

    await expect.poll(() => card(pageA, 'Fietsstraten').getByTestId('card-votes').innerText(), { timeout: 5_000 }).toBe('1 stem');
  });

  it('A moves the card to the next column with the keyboard; B sees it there', async () => {
    screenshotsOnFailure('board-keyboard', () => [pageA, pageB]);
    await card(pageA, 'Fietsstraten').locator('.board-card__body').focus();
    await pageA.keyboard.press('Alt+ArrowRight');
    await columnOf(pageB, 'Zorgen').getByText('Fietsstraten rond de scholen').waitFor({ timeout: 5_000 });
    expect(await columnOf(pageB, 'Kansen').getByTestId('board-card').count()).toBe(0);
    // Focus stays on the moved card, so a keyboard user can keep going.
    await expect
      .poll(() => pageA.evaluate(() => document.activeElement?.closest('[data-testid="board-card"]')?.textContent ?? ''))
      .toContain('Fietsstraten');
  });

  it('A drags the card back with the mouse; B sees it in the first column', async () => {
    screenshotsOnFailure('board-drag', () => [pageA, pageB]);
    const from = (await card(pageA, 'Fietsstraten').locator('.board-card__body').boundingBox())!;
    const to = (await columnOf(pageA, 'Kansen').locator('.board-column__cards').boundingBox())!;
    await pageA.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await pageA.mouse.down();
    await pageA.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await pageA.mouse.up();
    await columnOf(pageB, 'Kansen').getByText('Fietsstraten rond de scholen').waitFor({ timeout: 5_000 });
    expect(await columnOf(pageB, 'Zorgen').getByTestId('board-card').count()).toBe(0);
  });

  it('A locks the board: B sees "Vergrendeld" and can no longer add or vote', async () => {
    screenshotsOnFailure('board-lock', () => [pageA, pageB]);
    await pageA.getByRole('button', { name: 'Bord vergrendelen' }).click();
    await pageB.getByTestId('board-locked').getByText('Vergrendeld').waitFor({ timeout: 5_000 });
    expect(await pageB.getByRole('button', { name: 'Kaart toevoegen' }).count()).toBe(0);
    expect(await pageB.getByRole('button', { name: /^Stem geven/ }).count()).toBe(0);
    expect(await pageB.getByLabel('Titel van de nieuwe kolom').count()).toBe(0);
    // The owner keeps facilitating while the board is locked.
    expect(await pageA.getByRole('button', { name: 'Kaart toevoegen' }).count()).toBe(2);
    await pageA.getByRole('button', { name: 'Bord ontgrendelen' }).click();
    await pageB.getByRole('button', { name: 'Kaart toevoegen' }).first().waitFor({ timeout: 5_000 });
  });

  it('B on a phone (375 px) scrolls the columns sideways; the page itself does not overflow', async () => {
    const phone = await open(bram, 375);
    screenshotsOnFailure('board-phone', () => [phone]);
    await openBoard(phone, boardId);
    await columnOf(phone, 'Zorgen').waitFor();
    const sizes = await phone.evaluate(() => {
      const row = document.querySelector('.board-columns') as HTMLElement;
      return { page: document.documentElement.scrollWidth, rowScroll: row.scrollWidth, rowWidth: row.clientWidth };
    });
    expect(sizes.page).toBeLessThanOrEqual(375);
    expect(sizes.rowScroll).toBeGreaterThan(sizes.rowWidth);
    await phone.getByLabel('Nieuwe kaart in Kansen').fill('Vanaf de gsm');
    await phone.getByRole('button', { name: 'Kaart toevoegen' }).first().click();
    await card(pageA, 'Vanaf de gsm').waitFor({ timeout: 5_000 });
  });

  it('a busy board: sorting by votes ranks the cards, everyone sees the timer; saved as test-results/board-busy.png', async () => {
    screenshotsOnFailure('board-busy', () => [pageA, pageB]);
    const client = connectClient(suite.server.baseUrl.replace('http', 'ws') + '/sync', boardId, { token: anna.token });
    await synced(client.provider);
    const doc = client.doc;
    const [kansen, zorgen] = ops.columnsOf(doc).toArray().map((m) => m.get('id') as string);
    const add = (columnId: string, text: string, color: string, order: number) => {
      const id = ops.addCard(doc, { columnId, text, authorId: bram.user.id, order });
      ops.editCard(doc, id, { color });
      return id;
    };
    const school = add(kansen!, 'Schoolstraten in elke wijk', 'green', 10);
    const deel = add(kansen!, 'Deelfietsen aan elk station', 'blue', 11);
    add(kansen!, 'Trage wegen opwaarderen', 'yellow', 12);
    add(zorgen!, 'Budget voor onderhoud', 'pink', 10);
    add(zorgen!, 'Draagvlak bij handelaars', 'orange', 11);
    const vragen = ops.addColumn(doc, 'Vragen aan Vlaanderen');
    add(vragen, 'Een stedenfonds voor mobiliteit', 'yellow', 1);
    add(vragen, 'Gedeelde data over verplaatsingen', 'green', 2);
    for (let k = 0; k < 3; k++) expect(ops.vote(doc, deel, anna.user.id)).toBe(true);
    expect(ops.vote(doc, school, anna.user.id)).toBe(true);
    await card(pageA, 'Gedeelde data over verplaatsingen').waitFor({ timeout: 5_000 });
    await expect.poll(() => card(pageA, 'Deelfietsen').getByTestId('card-votes').innerText(), { timeout: 5_000 }).toContain('3 stemmen');
    destroyAll(client.provider);

    await pageA.getByLabel('Minuten').fill('7');
    await pageA.getByRole('button', { name: 'Timer starten' }).click();
    await pageB.getByTestId('board-timer').getByText(/Nog [67]:\d\d/).waitFor({ timeout: 5_000 });

    await pageA.getByLabel('Sorteren op stemmen').check();
    // Most votes first; ties keep the oldest card first, as the export does.
    await expect
      .poll(() => columnOf(pageA, 'Kansen').getByTestId('card-text').allInnerTexts(), { timeout: 5_000 })
      .toEqual(['Deelfietsen aan elk station', 'Fietsstraten rond de scholen', 'Schoolstraten in elke wijk', 'Vanaf de gsm', 'Trage wegen opwaarderen']);
    await pageA.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.querySelector('.board-columns')!.scrollLeft = 0;
    });
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    await pageA.screenshot({ path: path.join(RESULTS_DIR, 'board-busy.png'), fullPage: true });
  });

  it('"Maak aanbevelingen" opens a new recommendation in the editor, built from the board', async () => {
    screenshotsOnFailure('board-draft', () => [pageA]);
    await pageA.getByRole('button', { name: 'Maak aanbevelingen' }).click();
    await pageA.getByTestId('connection').getByText('verbonden').waitFor();
    const editor = pageA.getByTestId('editor');
    await editor.getByRole('heading', { level: 2, name: 'Kansen' }).waitFor({ timeout: 5_000 });
    expect(new URL(pageA.url()).pathname).not.toBe(`/d/${boardId}`);
    const items = await editor.locator('ol').first().locator('li').allInnerTexts();
    expect(items[0]).toBe('Deelfietsen aan elk station — 3 stemmen');
  });
});
