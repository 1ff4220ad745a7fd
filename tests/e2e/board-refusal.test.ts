/**
 * A change the board rules refuse (issue #11, item 5, client side): an editor adds a card
 * offline while the facilitator locks the board. On reconnect the server refuses it (4403);
 * the page drops it — from memory and from the offline copy in IndexedDB, so it is never
 * sent again — reloads the board as the server has it, and says what was refused.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { browserSuite } from './helpers/suite';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { signIn } from './helpers/sign-in';
import { addMember, createDocument, createWorkspace, registerUser } from '../helpers/api';
import { roundTrip } from '../helpers/barrier';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import * as ops from '../../client/src/board/board-doc';

const suite = browserSuite();

const card = (page: Page, text: string) => page.getByTestId('board-card').filter({ hasText: text });
const cardTexts = (doc: Y.Doc) => [...doc.getMap('cards').values()].map((c) => (c as Y.Map<unknown>).get('text'));

async function addCardInPage(page: Page, column: string, text: string): Promise<void> {
  await page.getByLabel(`Nieuwe kaart in ${column}`).fill(text);
  await page.getByRole('button', { name: 'Kaart toevoegen' }).click();
  await card(page, text).waitFor();
}

describe('a board change the server refuses', { timeout: 90_000 }, () => {
  it('is dropped with its offline copy, never resent, and explained', async () => {
    const base = suite.server.baseUrl;
    const owner = await registerUser(base, { name: 'Lotte Janssens', organization: 'Kenniscentrum Vlaamse Steden' });
    const workspace = await createWorkspace(base, owner.token);
    const board = await createDocument(base, owner.token, workspace.id, { kind: 'board', title: 'Atelier bestuurlijke capaciteit' });
    const facilitator = connectClient(base.replace('http', 'ws') + '/sync', board.id, { token: owner.token });
    await synced(facilitator.provider);
    ops.addColumn(facilitator.doc, 'Kansen');
    await roundTrip(facilitator.provider);

    const editor = await addMember(base, owner.token, workspace.id, 'editor', { name: 'Sara De Smet', organization: 'Stad Gent' });
    const { context, page } = await newPage(suite.browser);
    suite.contexts.push(context);
    screenshotsOnFailure('board-refusal', () => [page]);
    await signIn(page, base, editor.email, editor.password);
    await page.goto(`${base}/d/${board.id}`);
    await page.getByTestId('connection').getByText('verbonden').waitFor();
    await addCardInPage(page, 'Kansen', 'Een gedeelde HR-dienst');
    await waitFor(() => cardTexts(facilitator.doc).includes('Een gedeelde HR-dienst'), 5_000, 'the accepted card at the facilitator');

    // Offline, the page cannot hear that the facilitator locks the board meanwhile.
    await context.setOffline(true);
    await page.getByTestId('connection').getByText('offline').waitFor();
    ops.setLocked(facilitator.doc, true);
    await roundTrip(facilitator.provider);
    await addCardInPage(page, 'Kansen', 'Regierol voor de stad');

    await context.setOffline(false);
    const notice = page.getByTestId('board-refusal');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toContain('De server weigerde je laatste wijziging aan dit bord: het bord is vergrendeld.');
    // What was refused, by name: the card, not the one the server had already taken.
    expect(await notice.getByRole('listitem').allInnerTexts()).toEqual(['Regierol voor de stad']);
    await page.getByTestId('connection').getByText('verbonden').waitFor();
    expect(await card(page, 'Regierol voor de stad').count()).toBe(0);
    expect(await card(page, 'Een gedeelde HR-dienst').count()).toBe(1);

    // Never resent: once the board is open again, a new card reaches the facilitator; the
    // refused one, had the page kept it, would have come first (one socket, in order).
    ops.setLocked(facilitator.doc, false);
    await roundTrip(facilitator.provider);
    await page.getByLabel('Nieuwe kaart in Kansen').waitFor();
    await addCardInPage(page, 'Kansen', 'Na het ontgrendelen');
    await waitFor(() => cardTexts(facilitator.doc).includes('Na het ontgrendelen'), 5_000, 'the new card at the facilitator');
    expect(cardTexts(facilitator.doc)).not.toContain('Regierol voor de stad');

    // Nor does the offline copy bring it back on the next visit.
    await page.reload();
    await page.getByTestId('connection').getByText('verbonden').waitFor();
    await card(page, 'Na het ontgrendelen').waitFor();
    expect(await card(page, 'Regierol voor de stad').count()).toBe(0);
    await roundTrip(facilitator.provider);
    expect(cardTexts(facilitator.doc)).not.toContain('Regierol voor de stad');
    destroyAll(facilitator.provider);
  });
});
