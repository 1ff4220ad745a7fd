import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { addParagraph, paragraphs, paragraphText } from '../versions/helpers';
import { seriousViolations } from './helpers/axe';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { openEditor } from './helpers/flows';
import { signIn } from './helpers/sign-in';
import { browserSuite } from './helpers/suite';

const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/history-panel.png');
const FIRST = 'De stad investeert in fietspaden en pleinen.';
const SECOND = 'Elke buurt krijgt een schoolstraat.';

const suite = browserSuite();

async function signedInPage(who: TestUser): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width: 1280, height: 900 });
  suite.contexts.push(context);
  await signIn(page, suite.server.baseUrl, who.email, who.password);
  return page;
}

describe('history panel', () => {
  it('saves a named version, shows who changed what since in their colours, and restores it live', async () => {
    const url = suite.server.url;
    const ws = `ws://127.0.0.1:${suite.server.port}/sync`;
    const anna = await registerUser(url, { name: 'Anna Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
    const wid = (await createWorkspace(url, anna.token, 'Atelier mobiliteit')).id;
    const karim = await addMember(url, anna.token, wid, 'editor', { name: 'Karim El Amrani', organization: 'Stad Gent' });
    const bram = await addMember(url, anna.token, wid, 'viewer', { name: 'Bram Claes', organization: 'Stad Mechelen' });
    const did = (await createDocument(url, anna.token, wid, { title: 'Aanbeveling mobiliteit' })).id;
    const writer = connectClient(ws, did, { token: anna.token });
    await synced(writer.provider);
    addParagraph(writer.doc, FIRST);
    addParagraph(writer.doc, SECOND);
    await settled(writer.provider);
    destroyAll(writer.provider);

    const page = await signedInPage(anna);
    screenshotsOnFailure('history panel', () => [page]);
    await openEditor(page, suite.server.baseUrl, did);
    await page.getByTestId('history-toggle').click();
    const panel = page.getByTestId('history-panel');
    await panel.getByText('Nog geen versies.', { exact: false }).waitFor();
    await panel.getByLabel('Naam van de versie').fill('versie stuurgroep 12/12');
    await panel.getByRole('button', { name: 'Versie bewaren' }).click();
    await panel.getByTestId('history-notice').getByText('Versie “versie stuurgroep 12/12” bewaard.').waitFor();
    const item = panel.getByTestId('version-item').filter({ hasText: 'versie stuurgroep 12/12' });
    await item.getByText('Gewijzigd door Anna Peeters').waitFor();

    // Karim changes the text over his own socket: two words in, two out, a paragraph more.
    const k = connectClient(ws, did, { token: karim.token });
    await synced(k.provider);
    paragraphText(k.doc, 0).insert(8, 'Gent ');
    paragraphText(k.doc, 0).delete(37, 11);
    addParagraph(k.doc, 'Karim voegt dit toe.');
    await settled(k.provider);
    await expect.poll(() => page.getByTestId('editor').innerText(), { timeout: 5_000 }).toContain('Karim voegt dit toe.');

    await item.click();
    const view = panel.getByTestId('version-view');
    const added = view.locator('ins', { hasText: 'Gent' });
    await added.waitFor();
    expect(await added.getAttribute('title')).toBe('Toegevoegd door Karim El Amrani (Stad Gent)');
    expect(await added.getAttribute('class')).toMatch(/person-color--\d/);
    const removed = view.locator('del', { hasText: 'en pleinen' });
    expect(await removed.getAttribute('title')).toBe('Verwijderd door Karim El Amrani (Stad Gent)');
    expect(await view.locator('[data-change="added"]', { hasText: 'Karim voegt dit toe.' }).count()).toBeGreaterThan(0);
    await view.getByTestId('version-people').getByText('Karim El Amrani (Stad Gent):', { exact: false }).waitFor();
    await removed.hover();
    await page.screenshot({ path: SCREENSHOT });
    expect(await seriousViolations(page)).toEqual([]);

    // "Deze versie terugzetten": everyone's text goes back, Karim's socket included.
    await view.getByTestId('version-restore').click();
    await view.getByTestId('version-restore-confirm').click();
    await panel.getByTestId('history-notice').getByText('De versie is teruggezet.', { exact: false }).waitFor();
    await expect.poll(() => page.getByTestId('editor').innerText(), { timeout: 5_000 }).toBe(`${FIRST}\n\n${SECOND}`);
    await expect.poll(() => paragraphs(k.doc), { timeout: 5_000 }).toEqual([FIRST, SECOND]);
    expect(k.provider.wsconnected).toBe(true);
    await panel.getByTestId('version-item').filter({ hasText: 'Teruggezette versie' }).waitFor();
    await panel.getByTestId('version-item').filter({ hasText: 'Voor een terugzetting' }).waitFor();
    destroyAll(k.provider);

    // A viewer reads the history but neither saves nor restores.
    const viewer = await signedInPage(bram);
    await openEditor(viewer, suite.server.baseUrl, did);
    await viewer.getByTestId('history-toggle').click();
    const theirs = viewer.getByTestId('history-panel');
    await theirs.getByTestId('version-item').first().waitFor();
    expect(await theirs.getByRole('button', { name: 'Versie bewaren' }).count()).toBe(0);
    await theirs.getByTestId('version-item').filter({ hasText: 'versie stuurgroep 12/12' }).click();
    await theirs.getByTestId('version-view').getByTestId('version-content').waitFor();
    expect(await theirs.getByTestId('version-restore').count()).toBe(0);
    // The version downloads like the present; the viewer's session cookie authorises the link.
    const menu = theirs.getByTestId('version-download');
    await menu.locator('summary').click();
    const word = menu.locator('a[data-format="docx"]');
    await word.waitFor();
    expect(await word.innerText()).toBe('Word (.docx)');
    const href = await word.getAttribute('href');
    expect(href).toMatch(/^\/api\/versions\/[^/]+\/export\?format=docx$/);
    const answer = await viewer.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') };
    }, href!);
    expect(answer).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(await seriousViolations(viewer)).toEqual([]);
    await menu.locator('summary').click();
    // Against the version kept just before the restore, Karim's changes show again.
    const before = await theirs.getByTestId('version-compare').locator('option', { hasText: 'Voor een terugzetting' }).getAttribute('value');
    await theirs.getByTestId('version-compare').selectOption(before ?? '');
    const again = theirs.getByTestId('version-view').locator('ins', { hasText: 'Gent' });
    await again.waitFor();
    expect(await again.getAttribute('title')).toBe('Toegevoegd door Karim El Amrani (Stad Gent)');
    expect(await seriousViolations(viewer)).toEqual([]);
  });
});
