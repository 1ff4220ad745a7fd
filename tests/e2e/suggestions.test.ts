import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { addParagraph, paragraphText, paragraphs } from '../versions/helpers';
import { seriousViolations } from './helpers/axe';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { openEditor } from './helpers/flows';
import { selectText } from './helpers/selection';
import { signIn } from './helpers/sign-in';
import { browserSuite } from './helpers/suite';

const INLINE = path.resolve(import.meta.dirname, '../../docs/suggestions-inline.png');
const PANEL = path.resolve(import.meta.dirname, '../../docs/suggestions-panel.png');
const FIRST = 'De stad investeert in fietspaden en pleinen.';
const SECOND = 'Elke buurt krijgt een schoolstraat.';

const suite = browserSuite();

async function signedInPage(who: TestUser, width = 1280, height = 900): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width, height });
  suite.contexts.push(context);
  await signIn(page, suite.server.baseUrl, who.email, who.password);
  return page;
}

/** Anna (owner) and Bram (commenter) of a fresh workspace, a two-paragraph recommendation, and a raw client to read the stored text. */
async function recommendationForTwo() {
  const url = suite.server.url;
  const anna = await registerUser(url, { name: 'Anna Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
  const wid = (await createWorkspace(url, anna.token, 'Atelier mobiliteit')).id;
  const bram = await addMember(url, anna.token, wid, 'commenter', { name: 'Bram Claes', organization: 'Stad Mechelen' });
  const did = (await createDocument(url, anna.token, wid, { title: 'Aanbeveling mobiliteit' })).id;
  const reader = connectClient(`ws://127.0.0.1:${suite.server.port}/sync`, did, { token: anna.token });
  await synced(reader.provider);
  addParagraph(reader.doc, FIRST);
  addParagraph(reader.doc, SECOND);
  await settled(reader.provider);
  return { anna, bram, did, reader, workspaceId: wid };
}

const inserted = (page: Page, text: string) => page.getByTestId('editor').locator('ins.suggestion', { hasText: text });
const struck = (page: Page, text: string) => page.getByTestId('editor').locator('del.suggestion', { hasText: text });
const item = (page: Page, text: string) => page.getByTestId('suggestions-panel').getByTestId('suggestion-item').filter({ hasText: text });

describe('suggesting changes in two browsers', { timeout: 120_000 }, () => {
  it('a commenter suggests; the editor sees it live, accepts one and rejects another', async () => {
    const { anna, bram, did, reader } = await recommendationForTwo();
    const [pageA, pageB] = await Promise.all([signedInPage(anna), signedInPage(bram)]);
    screenshotsOnFailure('suggestions', () => [pageA, pageB]);
    await openEditor(pageA, suite.server.baseUrl, did);
    await openEditor(pageB, suite.server.baseUrl, did);
    await expect.poll(() => pageB.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain(SECOND);

    // Bram, a commenter, has no toolbar and no switch: what he types becomes a suggestion.
    await pageB.getByTestId('suggest-hint').getByText('Je wijzigingen worden voorstellen die een bewerker kan aanvaarden').waitFor();
    expect(await pageB.getByTestId('mode-switch').count()).toBe(0);
    await selectText(pageB, 'fietspaden');
    await pageB.keyboard.type('fietsstraten');
    await struck(pageB, 'fietspaden').waitFor();
    await inserted(pageB, 'fietsstraten').waitFor();
    await selectText(pageB, 'schoolstraat', 'end');
    await pageB.keyboard.type(' per school');
    await inserted(pageB, ' per school').waitFor();
    // Nothing of it is in the shared text.
    expect(paragraphs(reader.doc)).toEqual([FIRST, SECOND]);

    // Anna sees both live, in Bram's colour, with his name, and in the panel.
    const replacement = inserted(pageA, 'fietsstraten');
    await replacement.waitFor({ timeout: 5_000 });
    expect(await replacement.getAttribute('title')).toMatch(/^Voorstel van Bram Claes \(Stad Mechelen\), /);
    expect(await replacement.getAttribute('class')).toMatch(/person-color--\d/);
    expect(await struck(pageA, 'fietspaden').getAttribute('class')).toMatch(/person-color--\d/);
    await item(pageA, '‘fietspaden’ → ‘fietsstraten’').waitFor({ timeout: 5_000 });
    await expect.poll(() => item(pageA, 'Invoegen: ‘ per school’').count(), { timeout: 5_000 }).toBe(1);

    // Alt+Enter with the caret in a suggestion opens its card (keyboard); so does a click.
    const popover = pageA.getByTestId('suggestion-popover');
    await selectText(pageA, 'fietspad', 'end');
    await pageA.keyboard.press('Alt+Enter');
    await popover.getByText('‘fietspaden’ → ‘fietsstraten’').waitFor({ timeout: 5_000 });
    await expect.poll(() => pageA.evaluate(() => document.activeElement?.textContent), { timeout: 5_000 }).toBe('Aanvaarden');
    await pageA.keyboard.press('Escape');
    await expect.poll(() => popover.count(), { timeout: 5_000 }).toBe(0);
    await inserted(pageA, 'per school').click();
    await popover.getByText('Invoegen: ‘ per school’').waitFor({ timeout: 5_000 });
    await pageA.screenshot({ path: INLINE });
    expect(await seriousViolations(pageA)).toEqual([]);
    await pageA.keyboard.press('Escape');
    await expect.poll(() => popover.count(), { timeout: 5_000 }).toBe(0);
    await pageA.getByTestId('suggestions-panel').screenshot({ path: PANEL });

    // Someone writes around it meanwhile: the suggestion stays on its words.
    paragraphText(reader.doc, 0).insert(0, 'Vandaag: ');
    paragraphText(reader.doc, 0).insert(paragraphText(reader.doc, 0).length, ' Ook in Gent.');
    await settled(reader.provider);
    await expect.poll(() => pageA.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain('Ook in Gent.');
    expect(await struck(pageA, 'fietspaden').innerText()).toBe('fietspaden');

    // Accepting changes the text for everyone.
    await item(pageA, 'fietsstraten').getByTestId('suggestion-accept').click();
    const accepted = 'Vandaag: De stad investeert in fietsstraten en pleinen. Ook in Gent.';
    await expect.poll(() => paragraphs(reader.doc), { timeout: 5_000 }).toEqual([accepted, SECOND]);
    await expect.poll(() => pageB.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain(accepted);
    await expect.poll(() => struck(pageB, 'fietspaden').count(), { timeout: 5_000 }).toBe(0);

    // Rejecting leaves the text as it is, and the suggestion goes away for Bram too.
    await item(pageA, 'per school').getByTestId('suggestion-reject').click();
    await expect.poll(() => inserted(pageB, 'per school').count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => item(pageB, 'per school').count(), { timeout: 5_000 }).toBe(0);
    expect(paragraphs(reader.doc)).toEqual([accepted, SECOND]);
    await pageB.getByTestId('suggestions-empty').waitFor({ timeout: 5_000 });
    destroyAll(reader.provider);
  });

  it('an editor switches to Voorstellen and their typing becomes a suggestion; a phone-sized page stays usable', async () => {
    const { anna, bram, did, reader, workspaceId } = await recommendationForTwo();
    const pageA = await signedInPage(anna);
    const phone = await signedInPage(bram, 375, 740);
    screenshotsOnFailure('suggestions-editor', () => [pageA, phone]);
    await openEditor(pageA, suite.server.baseUrl, did);
    await openEditor(phone, suite.server.baseUrl, did);

    const toSuggest = pageA.getByTestId('mode-switch').getByRole('button', { name: 'Voorstellen' });
    expect(await toSuggest.getAttribute('aria-pressed')).toBe('false');
    await toSuggest.click();
    await expect.poll(() => toSuggest.getAttribute('aria-pressed'), { timeout: 5_000 }).toBe('true');
    await expect.poll(() => pageA.getByRole('toolbar').count(), { timeout: 5_000 }).toBe(0);
    await selectText(pageA, 'pleinen.', 'end');
    await pageA.keyboard.type(' Samen.');
    await pageA.keyboard.press('Backspace');
    await inserted(pageA, ' Samen').waitFor();
    // The draft reaches the others as it grows, and never the shared text.
    await inserted(phone, ' Samen').waitFor({ timeout: 5_000 });
    expect(paragraphs(reader.doc)).toEqual([FIRST, SECOND]);

    // Back to Bewerken: typing changes the text again, and the suggestion stays.
    await pageA.getByTestId('mode-switch').getByRole('button', { name: 'Bewerken' }).click();
    await item(pageA, 'Invoegen: ‘ Samen’').waitFor({ timeout: 5_000 });
    await selectText(pageA, 'Elke', 'end');
    await pageA.keyboard.type(' grote');
    await expect.poll(() => paragraphs(reader.doc), { timeout: 5_000 }).toEqual([FIRST, 'Elke grote buurt krijgt een schoolstraat.']);

    // On a 375 px phone the suggestion's buttons are 44 px touch targets, and nothing overflows.
    await phone.getByTestId('suggestions-panel').getByTestId('suggestion-item').waitFor({ timeout: 5_000 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await inserted(phone, ' Samen').click();
    const popover = phone.getByTestId('suggestion-popover');
    await popover.waitFor();
    const box = await popover.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    expect((await popover.getByRole('button', { name: 'Sluiten' }).boundingBox())?.height).toBeGreaterThanOrEqual(44);
    expect(await popover.getByTestId('suggestion-accept').count()).toBe(0);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.keyboard.press('Escape');

    // Bram strikes a word; someone changes that word before Anna decides: the panel says so,
    // and accepting it is refused, clearly, with the text left alone.
    await selectText(phone, 'schoolstraat');
    await phone.keyboard.press('Backspace');
    await item(pageA, 'Schrappen: ‘schoolstraat’').waitFor({ timeout: 5_000 });
    const school = paragraphs(reader.doc)[1]!.indexOf('school');
    reader.doc.transact(() => {
      paragraphText(reader.doc, 1).delete(school, 'school'.length);
      paragraphText(reader.doc, 1).insert(school, 'speel');
    });
    await settled(reader.provider);
    const stale = item(pageA, 'Schrappen: ‘schoolstraat’');
    await stale.getByTestId('suggestion-outdated').getByText('De tekst is intussen gewijzigd', { exact: false }).waitFor({ timeout: 5_000 });
    await stale.getByTestId('suggestion-accept').click();
    await pageA.getByTestId('suggestions-notice').getByText('De tekst is intussen gewijzigd', { exact: false }).waitFor({ timeout: 5_000 });
    expect(paragraphs(reader.doc)).toEqual([FIRST, 'Elke grote buurt krijgt een speelstraat.']);

    // A viewer reads suggestions but neither suggests nor decides.
    const carla = await addMember(suite.server.url, anna.token, workspaceId, 'viewer', { name: 'Carla Janssens', organization: 'Stad Leuven' });
    const viewer = await signedInPage(carla);
    const editorV = await openEditor(viewer, suite.server.baseUrl, did);
    await item(viewer, 'Invoegen: ‘ Samen’').waitFor({ timeout: 5_000 });
    expect(await editorV.getAttribute('contenteditable')).toBe('false');
    expect(await viewer.getByTestId('suggest-hint').count()).toBe(0);
    expect(await viewer.getByTestId('suggestions-panel').getByRole('button').count()).toBe(0);

    // Anna decides in bulk, each time asked once more: her own suggestion, then all the rest.
    const panel = pageA.getByTestId('suggestions-panel');
    await panel.getByRole('button', { name: 'Alle voorstellen van Anna Peeters aanvaarden' }).click();
    await panel.getByTestId('suggestions-confirm').getByText('1 voorstel aanvaarden?', { exact: false }).waitFor();
    await panel.getByTestId('suggestions-confirm-yes').click();
    await panel.getByTestId('suggestions-notice').getByText('1 voorstel aanvaard.').waitFor({ timeout: 5_000 });
    await expect.poll(() => paragraphs(reader.doc), { timeout: 5_000 }).toEqual(['De stad investeert in fietspaden en pleinen. Samen', 'Elke grote buurt krijgt een speelstraat.']);
    await panel.getByTestId('suggestions-reject-all').click();
    await panel.getByTestId('suggestions-confirm-yes').click();
    await panel.getByTestId('suggestions-notice').getByText('1 voorstel verworpen.').waitFor({ timeout: 5_000 });
    await panel.getByTestId('suggestions-empty').waitFor({ timeout: 5_000 });
    await item(viewer, 'schoolstraat').waitFor({ state: 'detached', timeout: 5_000 });
    destroyAll(reader.provider);
  });
});
