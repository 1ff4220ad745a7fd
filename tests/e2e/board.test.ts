/**
 * The workshop board as a room uses it: a facilitator on a laptop, participants on phones
 * (375 px, touch) who join with a code. Every test builds its own workspace and board.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { RESULTS_DIR, screenshotsOnFailure } from './helpers/browser';
import { signIn } from './helpers/sign-in';
import { seriousViolations } from './helpers/axe';
import { touchDrag } from './helpers/touch';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import * as ops from '../../client/src/board/board-doc';

const suite = browserSuite();
const DOCS = path.resolve(import.meta.dirname, '../../docs');
/** Set SCREENSHOTS=docs to refresh the pictures in docs/ (tracked files). */
const SHOTS_DIR = process.env.SCREENSHOTS === 'docs' ? DOCS : RESULTS_DIR;

async function context(browser: Browser, phone: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext(
    phone ? { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, locale: 'nl-BE' } : { viewport: { width: 1280, height: 860 }, locale: 'nl-BE' },
  );
  suite.contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  return { context: ctx, page };
}

/** A facilitator (owner) with a board of three columns, signed in on a laptop with the board open. */
async function facilitatorWithBoard(columns = ['Interne organisatie', 'De stad als netwerkbestuur', 'Vlaams stedenbeleid']) {
  const base = suite.server.baseUrl;
  const owner = await registerUser(base, { name: 'Lotte Janssens', organization: 'Kenniscentrum Vlaamse Steden' });
  const workspace = await createWorkspace(base, owner.token, 'Stadskamer Mechelen — atelier bestuurlijke capaciteit');
  const board = await createDocument(base, owner.token, workspace.id, { kind: 'board', title: 'Atelier bestuurlijke capaciteit' });
  const client = connectClient(base.replace('http', 'ws') + '/sync', board.id, { token: owner.token });
  await synced(client.provider);
  const columnIds = columns.map((title) => ops.addColumn(client.doc, title));
  const { page, context: ctx } = await context(suite.browser, false);
  await signIn(page, base, owner.email, owner.password);
  await openBoard(page, board.id);
  return { owner, workspace, boardId: board.id, columnIds, client, page, context: ctx };
}

async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`${suite.server.baseUrl}/d/${boardId}`);
  await page.getByTestId('connection').getByText('verbonden').waitFor();
  await page.getByTestId('board-column').first().waitFor();
}

/** A participant joins from a phone with the session code and lands on the board. */
async function joinFromPhone(code: string, name: string, organization: string) {
  const { page, context: ctx } = await context(suite.browser, true);
  await page.goto(`${suite.server.baseUrl}/join/${code}`);
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('Organisatie').fill(organization);
  await page.getByRole('button', { name: 'Deelnemen' }).click();
  await page.getByTestId('connection').getByText('verbonden').waitFor();
  await page.getByTestId('board-column').waitFor();
  return { page, context: ctx };
}

async function startSession(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Sessie starten' }).click();
  const code = (await page.getByTestId('join-code-value').first().innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  return code;
}

const card = (page: Page, text: string) => page.getByTestId('board-card').filter({ hasText: text });
const column = (page: Page, id: string) => page.locator(`[data-testid="board-column"][data-column-id="${id}"]`);

describe('workshop boards in a room of phones and a projector', { timeout: 120_000 }, () => {
  it('a participant joins by code on a phone, lands on the first column without sideways scrolling, adds a card and votes', async () => {
    const f = await facilitatorWithBoard();
    const code = await startSession(f.page);
    const phone = await joinFromPhone(code, 'Sara De Smet', 'Stad Gent');
    screenshotsOnFailure('board-join', () => [f.page, phone.page]);

    // One column at a time: the first tab is selected and its column is the one shown.
    await expect.poll(() => phone.page.getByRole('tab', { selected: true }).innerText(), { timeout: 5_000 }).toContain('Interne organisatie');
    expect(await phone.page.getByTestId('board-column').count()).toBe(1);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await phone.page.evaluate(() => window.scrollX)).toBe(0);

    await phone.page.getByLabel('Nieuwe kaart in Interne organisatie').fill('Een gedeelde HR-dienst voor kleinere steden');
    await phone.page.getByRole('button', { name: 'Kaart toevoegen' }).click();
    await card(phone.page, 'gedeelde HR-dienst').getByRole('button', { name: /^Stem geven/ }).click();

    const atFacilitator = card(f.page, 'gedeelde HR-dienst');
    await atFacilitator.waitFor({ timeout: 5_000 });
    expect(await atFacilitator.innerText()).toContain('Sara De Smet · Stad Gent');
    await expect.poll(() => atFacilitator.getByTestId('card-votes').innerText(), { timeout: 5_000 }).toBe('1 stem');
    // The facilitator sees who is on the board, and which card someone is editing.
    await f.page.getByTestId('board-presence').getByText('Sara De Smet').waitFor({ timeout: 5_000 });
    await card(phone.page, 'gedeelde HR-dienst').getByTestId('card-menu').click();
    await phone.page.getByRole('button', { name: 'Bewerken' }).click();
    await atFacilitator.getByTestId('card-editor').getByText('Sara De Smet bewerkt deze kaart').waitFor({ timeout: 5_000 });
    await phone.page.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => atFacilitator.getByTestId('card-editor').count(), { timeout: 5_000 }).toBe(0);

    await phone.page.getByRole('tab', { name: /De stad als netwerkbestuur/ }).click();
    await phone.page.getByLabel('Nieuwe kaart in De stad als netwerkbestuur').fill('Regierol voor de stad in het netwerk');
    await phone.page.getByRole('button', { name: 'Kaart toevoegen' }).click();
    await card(f.page, 'Regierol').waitFor({ timeout: 5_000 });
    await phone.page.getByRole('tab', { name: /Interne organisatie/ }).click();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    expect(await seriousViolations(phone.page)).toEqual([]);
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    await phone.page.screenshot({ path: path.join(SHOTS_DIR, 'board-phone.png'), fullPage: true });
    destroyAll(f.client.provider);
  });

  it('a join code is refused once the facilitator ends the session', async () => {
    const f = await facilitatorWithBoard(['Kansen']);
    const code = await startSession(f.page);
    await f.page.getByRole('button', { name: 'Sessie beëindigen' }).click();
    await f.page.getByRole('button', { name: 'Sessie starten' }).waitFor();
    const { page } = await context(suite.browser, true);
    // Typed by hand from the projector, in lower case with a space: still the code.
    await page.goto(`${suite.server.baseUrl}/join`);
    await page.getByLabel('De code op het scherm in de zaal').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByTestId('join-error').getByText('Deze sessie is afgelopen').waitFor();
    destroyAll(f.client.provider);
  });

  it('a card moves by touch drag and by "Verplaatsen naar…"; the facilitator sees both moves', async () => {
    const f = await facilitatorWithBoard(['Kansen', 'Zorgen']);
    const [kansen, zorgen] = f.columnIds as [string, string];
    const code = await startSession(f.page);
    // A tablet-sized touch screen shows both columns side by side.
    const touchCtx = await suite.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'nl-BE' });
    suite.contexts.push(touchCtx);
    const touch = await touchCtx.newPage();
    screenshotsOnFailure('board-touch', () => [f.page, touch]);
    await touch.goto(`${suite.server.baseUrl}/join/${code}`);
    await touch.getByLabel('Naam', { exact: true }).fill('Bram Claes');
    await touch.getByLabel('Organisatie').fill('Stad Mechelen');
    await touch.getByRole('button', { name: 'Deelnemen' }).click();
    await touch.getByTestId('connection').getByText('verbonden').waitFor();
    await touch.getByLabel('Nieuwe kaart in Kansen').fill('Deelfietsen aan elk station');
    await touch.getByRole('button', { name: 'Kaart toevoegen' }).first().click();

    const from = (await card(touch, 'Deelfietsen').locator('.board-card__body').boundingBox())!;
    const to = (await column(touch, zorgen).locator('.board-column__cards').boundingBox())!;
    await touchDrag(touchCtx, touch, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: to.x + to.width / 2, y: to.y + 20 }, touch.locator('.board-card--dragging'));
    await column(f.page, zorgen).getByText('Deelfietsen aan elk station').waitFor({ timeout: 5_000 });

    const phone = await joinFromPhone(code, 'Noor Peeters', 'Stad Genk');
    await phone.page.getByRole('tab', { name: /Zorgen/ }).click();
    await card(phone.page, 'Deelfietsen').waitFor();
    // Noor did not write it: no menu to move it. Bram's own phone does have it.
    expect(await card(phone.page, 'Deelfietsen').getByTestId('card-menu').count()).toBe(0);
    await card(touch, 'Deelfietsen').getByTestId('card-menu').click();
    await touch.getByRole('button', { name: 'Verplaatsen naar…' }).click();
    const dialog = touch.getByTestId('move-dialog');
    await dialog.getByLabel('Kolom').selectOption(kansen);
    await dialog.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await column(f.page, kansen).getByText('Deelfietsen aan elk station').waitFor({ timeout: 5_000 });
    await phone.page.getByRole('tab', { name: /Kansen/ }).click();
    await card(phone.page, 'Deelfietsen').waitFor({ timeout: 5_000 });
    destroyAll(f.client.provider);
  });

  it('hidden voting hides counts from everyone until the facilitator reveals them; own dots still show', async () => {
    const f = await facilitatorWithBoard(['Kansen']);
    const cardId = ops.addCard(f.client.doc, { columnId: f.columnIds[0]!, text: 'Een stedenfonds', authorId: f.owner.user.id, order: 'a0' });
    const code = await startSession(f.page);
    await f.page.getByTestId('toggle-hidden').click();
    const phone = await joinFromPhone(code, 'Karim El Idrissi', 'Stad Antwerpen');
    screenshotsOnFailure('board-hidden', () => [f.page, phone.page]);
    await phone.page.getByTestId('votes-hidden-notice').waitFor();
    await card(phone.page, 'stedenfonds').getByRole('button', { name: /^Stem geven/ }).click();
    await card(phone.page, 'stedenfonds').getByText('Jouw stemmen: 1').waitFor();
    // The vote reached the server on the participant's ballot: the owner's count has it, the shared board does not.
    const votes = () => call(suite.server.baseUrl, 'GET', `/api/documents/${f.boardId}/votes`, { token: f.owner.token });
    await expect.poll(async () => (await votes()).body.totals?.[cardId], { timeout: 5_000 }).toBe(1);
    expect((f.client.doc.getMap('cards').get(cardId) as any)?.get('votes')?.size).toBe(0);
    expect(await card(f.page, 'stedenfonds').getByTestId('card-votes').innerText()).toBe('Stemmen verborgen');
    // A reload keeps the participant's own dots (they live on the server, not in the tab).
    await phone.page.reload();
    await card(phone.page, 'stedenfonds').getByText('Jouw stemmen: 1').waitFor();
    await f.page.getByRole('button', { name: 'Stemmen tonen' }).click();
    await expect.poll(() => card(phone.page, 'stedenfonds').getByTestId('card-votes').innerText(), { timeout: 5_000 }).toBe('1 stem');
    // The reveal reaches each screen on its own socket: the facilitator's may come second.
    await expect.poll(() => card(f.page, 'stedenfonds').getByTestId('card-votes').innerText(), { timeout: 5_000 }).toBe('1 stem');

    // Hidden again, a second dot; "Stemmen wissen" (confirmed) clears the board and every ballot.
    await f.page.getByRole('button', { name: 'Stemmen verbergen' }).click();
    await phone.page.getByTestId('votes-hidden-notice').waitFor();
    await card(phone.page, 'stedenfonds').getByRole('button', { name: /^Stem geven/ }).click();
    await card(phone.page, 'stedenfonds').getByText('Jouw stemmen: 2').waitFor();
    await expect.poll(async () => (await votes()).body.totals?.[cardId], { timeout: 5_000 }).toBe(2);
    f.page.once('dialog', (dialog) => void dialog.accept());
    await f.page.getByRole('button', { name: 'Stemmen wissen' }).click();
    await expect.poll(() => card(phone.page, 'stedenfonds').getByTestId('card-votes').innerText(), { timeout: 5_000 }).toBe('Stemmen verborgen');
    expect((await votes()).body.totals?.[cardId]).toBe(0);
    destroyAll(f.client.provider);
  });

  it('the presentation view shows the join code, QR and a big timer; the "time is up" banner clears when reset', async () => {
    const f = await facilitatorWithBoard();
    const add = (c: number, text: string, order: string) => ops.addCard(f.client.doc, { columnId: f.columnIds[c]!, text, authorId: f.owner.user.id, order });
    const hr = add(0, 'Een gedeelde HR-dienst voor kleinere steden', 'a0');
    add(0, 'Data-analisten delen tussen steden', 'a1');
    add(1, 'De stad als regisseur van het netwerk', 'a0');
    add(2, 'Een stedenfonds voor bestuurskracht', 'a0');
    for (let i = 0; i < 3; i++) ops.vote(f.client.doc, hr, f.owner.user.id);
    const code = await startSession(f.page);
    screenshotsOnFailure('board-presentation', () => [f.page]);
    await f.page.getByLabel('Minuten').fill('7');
    await f.page.getByTestId('start-timer').click();
    await f.page.getByTestId('present').click();
    const view = f.page.getByTestId('presentation');
    await view.waitFor();
    expect(await view.getByTestId('join-code-value').innerText()).toBe(code);
    await view.getByRole('img', { name: /QR-code/ }).waitFor();
    await view.getByTestId('board-timer').getByText(/Nog [67]:\d\d/).waitFor();
    await view.getByText('Een gedeelde HR-dienst voor kleinere steden').waitFor();
    expect(await seriousViolations(f.page)).toEqual([]);
    await f.page.screenshot({ path: path.join(SHOTS_DIR, 'board-presentation.png') });

    await view.getByRole('button', { name: 'Presentatie sluiten' }).click();
    ops.setTimer(f.client.doc, Date.now() - 1000);
    await f.page.getByTestId('board-timer').getByText('De tijd is om').waitFor({ timeout: 5_000 });
    await f.page.getByTestId('stop-timer').click();
    await expect.poll(() => f.page.getByTestId('board-timer').count(), { timeout: 5_000 }).toBe(0);
    expect(await seriousViolations(f.page)).toEqual([]);
    await f.page.screenshot({ path: path.join(SHOTS_DIR, 'board-desktop.png') });
    destroyAll(f.client.provider);
  });

  it('the facilitator clusters two cards by dragging one onto the other; the draft carries them as one item with the votes together', async () => {
    const f = await facilitatorWithBoard(['Interne organisatie']);
    const base = suite.server.baseUrl;
    const member: TestUser = await addMember(base, f.owner.token, f.workspace.id, 'participant', { name: 'Sara De Smet', organization: 'Stad Gent' });
    const a = ops.addCard(f.client.doc, { columnId: f.columnIds[0]!, text: 'Gedeelde HR-dienst', authorId: f.owner.user.id, order: 'a0' });
    const b = ops.addCard(f.client.doc, { columnId: f.columnIds[0]!, text: 'Samen aanwerven', authorId: f.owner.user.id, order: 'a1' });
    ops.addCard(f.client.doc, { columnId: f.columnIds[0]!, text: 'Opleiding', authorId: f.owner.user.id, order: 'a2' });
    ops.vote(f.client.doc, a, f.owner.user.id);
    ops.vote(f.client.doc, a, f.owner.user.id);
    const other = connectClient(base.replace('http', 'ws') + '/sync', f.boardId, { token: member.token });
    await synced(other.provider);
    ops.vote(other.doc, b, member.user.id);
    screenshotsOnFailure('board-cluster', () => [f.page]);
    await expect.poll(() => card(f.page, 'Samen aanwerven').getByTestId('card-votes').innerText(), { timeout: 5_000 }).toBe('1 stem');

    // The whole board in view: near the window's edge dnd-kit scrolls the page while dragging.
    await f.page.setViewportSize({ width: 1280, height: 1400 });
    const from = (await card(f.page, 'Samen aanwerven').locator('.board-card__body').boundingBox())!;
    await f.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await f.page.mouse.down();
    await f.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 10, { steps: 3 });
    const zone = card(f.page, 'Gedeelde HR-dienst').getByTestId('group-zone');
    await zone.waitFor();
    const target = (await zone.boundingBox())!;
    // Straight onto the zone: passing over the card on the way would make room for the dragged
    // card there (sorting) and slide the zone away from under the pointer.
    await f.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2);
    await f.page.mouse.move(target.x + target.width / 2 + 2, target.y + target.height / 2);
    await f.page.mouse.up();
    const group = f.page.getByTestId('board-group');
    await group.waitFor({ timeout: 5_000 });
    expect(await group.getByTestId('group-votes').innerText()).toBe('3 stemmen');

    await f.page.getByTestId('make-draft').click();
    await f.page.getByTestId('connection').getByText('verbonden').waitFor();
    const editor = f.page.getByTestId('editor');
    await editor.getByText('Gedeelde HR-dienst — 3 stemmen').waitFor({ timeout: 10_000 });
    const title = await f.page.getByTestId('doc-title').evaluate((el) => ('value' in el ? String((el as HTMLInputElement).value) : el.textContent ?? '').trim());
    expect(title).toBe('Aanbevelingen — Atelier bestuurlijke capaciteit');
    const items = await editor.locator('ol > li').allInnerTexts();
    expect(items[0]).toContain('Gedeelde HR-dienst — 3 stemmen');
    expect(items[0]).toContain('Samen aanwerven — Kenniscentrum Vlaamse Steden');
    expect(items[1]).toBe('Opleiding — Kenniscentrum Vlaamse Steden — 0 stemmen');
    destroyAll(f.client.provider, other.provider);
  });
});

