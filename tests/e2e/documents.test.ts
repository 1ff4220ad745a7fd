/**
 * Tables, images, paste from Word/LibreOffice and downloads in a real Chromium:
 * clipboard fixtures pasted into the editor, images pasted as files (a PNG uploads, an
 * SVG is refused with a message and leaves no node), the table at 375 px, and Word and
 * PDF downloaded from the "Downloaden" menu. The PDF's first page goes to docs/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import * as Y from 'yjs';
import { addMember, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { uploadImage } from '../helpers/images';
import { docJSONToYUpdate } from '../../server/export/prosemirror';
import { everyNodeDoc } from '../documents/every-node';
import { browserSuite } from './helpers/suite';
import { newPage, screenshotsOnFailure } from './helpers/browser';
import { openEditor } from './helpers/flows';
import { signIn } from './helpers/sign-in';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');
const DOCS = path.resolve(import.meta.dirname, '../../docs');
const require = createRequire(import.meta.url);
const suite = browserSuite();
const pages: Page[] = [];

async function signedInPage(who: TestUser, width = 1280): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width, height: 800 });
  suite.contexts.push(context);
  pages.push(page);
  await signIn(page, suite.server.baseUrl, who.email, who.password);
  return page;
}

async function freshDocument(title = 'Aanbevelingen wonen Leuven') {
  const owner = await registerUser(suite.server.baseUrl, { name: 'Lotte', organization: 'Kenniscentrum Vlaamse Steden' });
  const workspace = await createWorkspace(suite.server.baseUrl, owner.token, 'Stadskamer Leuven — atelier wonen');
  const document = await createDocument(suite.server.baseUrl, owner.token, workspace.id, { title });
  return { owner, workspace, document };
}

/** Pastes like the browser does: a paste event whose clipboard holds `html` and/or files. */
async function paste(page: Page, data: { html?: string; files?: { name: string; type: string; base64: string }[] }) {
  await page.getByTestId('editor').click();
  await page.evaluate(({ html, files }) => {
    const dt = new DataTransfer();
    if (html) dt.setData('text/html', html);
    for (const f of files ?? []) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    document.querySelector('[data-testid="editor"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

type Json = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: Json[] };
const editorJson = (page: Page) => page.evaluate(() => (document.querySelector('.tiptap') as unknown as { editor: { getJSON(): unknown } }).editor.getJSON()) as Promise<Json>;

function find(node: Json, type: string): Json[] {
  return [...(node.type === type ? [node] : []), ...(node.content ?? []).flatMap((c) => find(c, type))];
}
const textOf = (node: Json): string => node.text ?? (node.content ?? []).map(textOf).join('');

async function axeViolations(page: Page) {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') forbids injected <script>s.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as {
    violations: { id: string; impact: string; nodes: { html: string }[] }[];
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('paste from Word and LibreOffice', { timeout: 120_000 }, () => {
  it.each(['paste-word.html', 'paste-libreoffice.html'])('%s keeps lists, table, marks and the link; drops Office markup', async (fixture) => {
    screenshotsOnFailure(fixture, () => pages);
    const { owner, document } = await freshDocument();
    const page = await signedInPage(owner);
    await openEditor(page, suite.server.baseUrl, document.id);
    await paste(page, { html: fs.readFileSync(path.join(FIXTURES, fixture), 'utf8') });
    await expect.poll(async () => find(await editorJson(page), 'table').length, { timeout: 5_000 }).toBe(1);
    const json = await editorJson(page);
    const bullets = find(json, 'bulletList');
    expect(bullets.length).toBe(2); // the outer list and the nested one
    expect(find(bullets[0]!, 'listItem').map((li) => textOf(li.content![0]!))).toEqual(['Wachtlijsten', 'Per stad', 'Budgetten']);
    expect(find(bullets[1]!, 'listItem').map(textOf)).toEqual(['Per stad']);
    expect(find(json, 'orderedList')[0]!.content!.map(textOf)).toEqual(['Eén loket', 'Meer budget']);
    const cells = find(find(json, 'table')[0]!, 'tableRow').map((row) => row.content!.map(textOf));
    expect(cells).toEqual([['Stad', 'Wachtlijst'], ['Leuven', '1.250']]);
    const texts = find(json, 'text');
    const marked = (mark: string) => texts.filter((t) => t.marks?.some((m) => m.type === mark)).map((t) => t.text);
    expect(marked('bold')).toContain('Vet');
    expect(marked('italic')).toContain('cursief');
    expect(marked('underline')).toEqual(['onderlijnd']);
    const link = texts.find((t) => t.marks?.some((m) => m.type === 'link'));
    expect(link?.marks?.find((m) => m.type === 'link')?.attrs?.href).toBe('https://www.vlaamsesteden.be/?thema=wonen&jaar=2026');
    const all = textOf(json);
    expect(all).not.toMatch(/LH1|Intern commentaar|geschrapt|·|mso-/);
    expect(find(json, 'image')).toEqual([]);
    if (fixture === 'paste-word.html') {
      expect(all).toContain(', nieuw'); // an inserted tracked change is text like any other
      await expect.poll(() => page.getByTestId('editor-notice').textContent(), { timeout: 5_000 }).toContain('1 afbeelding');
    }
  });

  it('uploads a pasted PNG and refuses a pasted SVG with a message and no broken node', async () => {
    screenshotsOnFailure('documents-image-paste', () => pages);
    const { owner, document } = await freshDocument();
    const page = await signedInPage(owner);
    await openEditor(page, suite.server.baseUrl, document.id);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    await paste(page, { files: [{ name: 'kaart.png', type: 'image/png', base64: svg.toString('base64') }] });
    await expect.poll(() => page.getByTestId('editor-notice').textContent(), { timeout: 5_000 }).toContain('alleen PNG, JPEG, GIF en WebP');
    expect(find(await editorJson(page), 'image')).toEqual([]);
    const png = await sharp({ create: { width: 60, height: 30, channels: 3, background: '#1d4f91' } }).png().toBuffer();
    await paste(page, { files: [{ name: 'grafiek.png', type: 'image/png', base64: png.toString('base64') }] });
    await expect.poll(async () => find(await editorJson(page), 'image').map((i) => String(i.attrs?.src)), { timeout: 5_000 }).toEqual([expect.stringMatching(/^\/api\/images\//)]);
    await expect.poll(() => page.locator('.tiptap img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 5_000 }).toBe(60);
  });
});

describe('tables at 375 px', { timeout: 90_000 }, () => {
  it('inserts a table from the toolbar, edits it from the table menu by keyboard, and scrolls the table, not the page', async () => {
    screenshotsOnFailure('documents-table', () => pages);
    const { owner, document: doc } = await freshDocument();
    const page = await signedInPage(owner, 375);
    await openEditor(page, suite.server.baseUrl, doc.id);
    await page.getByTestId('editor').click();
    await page.getByRole('button', { name: 'Tabel invoegen' }).click();
    const menu = page.getByTestId('table-menu');
    await menu.waitFor();
    for (let i = 0; i < 4; i++) {
      await menu.getByRole('button', { name: 'Kolom rechts toevoegen' }).focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => find(await editorJson(page), 'tableRow')[0]?.content?.length, { timeout: 5_000 }).toBe(7);
    await page.keyboard.type('Wachtlijst per stad');
    const widths = await page.evaluate(() => {
      const table = document.querySelector('.tiptap table') as HTMLElement;
      return { page: document.documentElement.scrollWidth, table: table.scrollWidth, box: table.clientWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(375);
    expect(widths.table).toBeGreaterThan(widths.box);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('Downloaden', { timeout: 120_000 }, () => {
  it('downloads Word and PDF named after the title; the PDF first page goes to docs/', async () => {
    screenshotsOnFailure('documents-download', () => pages);
    const { owner, workspace, document } = await freshDocument();
    await addMember(suite.server.baseUrl, owner.token, workspace.id, 'editor', { name: 'Karim', organization: 'Stad Leuven' });
    await addMember(suite.server.baseUrl, owner.token, workspace.id, 'commenter', { name: 'Els', organization: 'KU Leuven' });
    const chart = await sharp(Buffer.from(CHART_SVG)).png().toBuffer();
    const image = await uploadImage(suite.server.baseUrl, owner.token, document.id, chart, 'wachtlijsten.png');
    const client = connectClient(suite.server.baseUrl.replace('http', 'ws') + '/sync', document.id, { token: owner.token });
    await synced(client.provider);
    Y.applyUpdate(client.doc, docJSONToYUpdate(everyNodeDoc(image.body.image.url)));
    const page = await signedInPage(owner);
    await openEditor(page, suite.server.baseUrl, document.id);
    await page.getByTestId('editor').getByText('Slot.').waitFor();
    destroyAll(client.provider);
    expect(await axeViolations(page)).toEqual([]);

    const saved: Record<string, Buffer> = {};
    const links = [['Word (.docx)', 'docx', 'docx'], ['Word met open opmerkingen (.docx)', 'docx', 'commented'], ['PDF', 'pdf', 'pdf']] as const;
    for (const [label, ext, key] of links) {
      await page.getByText('Downloaden').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label, exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^Aanbevelingen-wonen-Leuven-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
      saved[key] = fs.readFileSync(await download.path());
    }
    expect(saved.docx!.subarray(0, 2).toString()).toBe('PK');
    expect(saved.commented!.subarray(0, 2).toString()).toBe('PK');
    expect(saved.pdf!.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-pdf-'));
    fs.writeFileSync(path.join(dir, 'export.pdf'), saved.pdf!);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'export.pdf'), path.join(DOCS, 'export-pdf-page1')]);
    expect(fs.statSync(path.join(DOCS, 'export-pdf-page1.png')).size).toBeGreaterThan(10_000);
  });
});

const CHART_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="260" font-family="sans-serif">
<rect width="640" height="260" fill="#fff"/>
<text x="20" y="28" font-size="16" fill="#1d4f91">Wachtlijst sociale huur per stad</text>
${[['Leuven', 125], ['Gent', 340], ['Mechelen', 180], ['Brugge', 150], ['Hasselt', 110]].map(([city, n], i) => `<rect x="${40 + i * 118}" y="${230 - Number(n) / 2}" width="70" height="${Number(n) / 2}" fill="#1d4f91"/><text x="${40 + i * 118}" y="250" font-size="13">${city}</text><text x="${48 + i * 118}" y="${222 - Number(n) / 2}" font-size="12">${Number(n) * 10}</text>`).join('')}
</svg>`;
