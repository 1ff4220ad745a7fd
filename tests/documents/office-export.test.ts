/**
 * Word and PDF exports through the real API, read back with tools we did not write:
 * mammoth for .docx, pdf-parse (pdf.js) for PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { Window } from 'happy-dom';
import * as Y from 'yjs';
import { startTestServer } from '../helpers/server';
import type { RunningServer } from '../../server/server';
import { addMember, call, createDocumentFor, registerUser } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { pngImage, uploadImage } from '../helpers/images';
import { docJSONToYUpdate } from '../../server/export/prosemirror';
import { BULLETS, DIACRITICS, HEADINGS, LINK, NUMBERED, TABLE_CELLS, everyNodeDoc } from './every-node';

let server: RunningServer;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createDocumentFor(server.url, { title: 'Aanbevelingen wonen Leuven' });
  await addMember(server.url, owner.token, owner.workspaceId, 'editor', { organization: 'Agentschap Wonen-Vlaanderen' });
  const image = await uploadImage(server.url, owner.token, owner.documentId, await pngImage(800, 400));
  const client = connectClient(server.url.replace('http', 'ws') + '/sync', owner.documentId, { token: owner.token });
  await synced(client.provider);
  Y.applyUpdate(client.doc, docJSONToYUpdate(everyNodeDoc(image.body.image.url)));
  // The server holds the content once a second reader sees it.
  const reader = connectClient(server.url.replace('http', 'ws') + '/sync', owner.documentId, { token: owner.token });
  await synced(reader.provider);
  await waitFor(() => reader.doc.getXmlFragment('default').length > 10, 5_000, 'content at the server');
  destroyAll(client.provider, reader.provider);
});
afterAll(() => server.close());

async function download(format: string, token = owner.token, documentId = owner.documentId) {
  const res = await fetch(`${server.url}/api/documents/${documentId}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

function parseHtml(html: string): Document {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((el) => el.textContent?.trim() ?? '');

describe('Word export', () => {
  it('reads back in mammoth with the same headings, lists, table, link and image', async () => {
    const { res, bytes } = await download('docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Aanbevelingen-wonen-Leuven-\d{4}-\d{2}-\d{2}\.docx"/);
    // mammoth ignores underlining unless told to map it.
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: ['u => u'] });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const doc = parseHtml(html);
    // Word's Heading 1–3 styles (mammoth maps only real heading styles to <hN>).
    expect(texts(doc, 'h1')).toEqual([HEADINGS[0]]);
    expect(texts(doc, 'h2')).toEqual([HEADINGS[1]]);
    expect(texts(doc, 'h3')).toEqual([HEADINGS[2]]);
    expect(texts(doc, 'ul > li > ul > li')).toEqual([BULLETS[2]]);
    expect(texts(doc, 'ol > li')).toEqual(NUMBERED);
    expect([...doc.querySelectorAll('ul > li')].map((li) => li.firstChild?.textContent?.trim())).toEqual(BULLETS);
    const table = [...doc.querySelectorAll('table')].at(-1)!;
    expect(texts(table as unknown as Document, 'td, th')).toEqual(TABLE_CELLS);
    expect(table.querySelector('td[colspan="2"]')?.textContent).toBe('Totaal');
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain(LINK);
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('Kaart van de wachtlijsten');
    expect(doc.body.textContent).toContain(DIACRITICS);
    // The title block: publisher, title, status, workspace and both organisations.
    const raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    for (const line of ['KENNISCENTRUM VLAAMSE STEDEN', 'Aanbevelingen wonen Leuven', 'Concept', 'Stadskamer Mechelen', 'Agentschap Wonen-Vlaanderen, Stad Gent']) {
      expect(raw).toContain(line);
    }
    expect(doc.querySelector('u')?.textContent).toBe('onderlijnd');
  });
});

describe('PDF export', () => {
  it('has all the text in order on a sane number of A4 pages', async () => {
    const { res, bytes } = await download('pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/filename="Aanbevelingen-wonen-Leuven-\d{4}-\d{2}-\d{2}\.pdf"/);
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const { text, total } = await parser.getText();
    const info = await parser.getInfo();
    await parser.destroy();
    expect(total).toBeGreaterThanOrEqual(1);
    expect(total).toBeLessThanOrEqual(3);
    expect(info.info?.Title).toBe('Aanbevelingen wonen Leuven');
    const flat = text.replace(/\s+/g, ' ');
    const expected = ['KENNISCENTRUM VLAAMSE STEDEN', 'Aanbevelingen wonen Leuven', 'Concept', HEADINGS[0]!, DIACRITICS, 'de website', HEADINGS[1]!, ...BULLETS, ...TABLE_CELLS, 'Figuur 1: wachtlijsten per stad', HEADINGS[2]!, ...NUMBERED, 'Wonen is een basisrecht.', 'Slot.'];
    let from = 0;
    for (const piece of expected) {
      const at = flat.indexOf(piece, from);
      expect(at, `"${piece}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + piece.length;
    }
    // Every page has its number in the footer.
    for (let page = 1; page <= total; page++) expect(flat).toContain(`pagina ${page} van ${total}`);
  });
});

describe('export access', () => {
  it('is for members only and names bad formats', async () => {
    const outsider = await registerUser(server.url);
    expect((await download('docx', outsider.token)).res.status).toBe(404);
    const bad = await call(server.url, 'GET', `/api/documents/${owner.documentId}/export?format=odt`, { token: owner.token });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('format');
  });

  it("leaves out an image of another workspace that someone pasted by URL", async () => {
    const other = await createDocumentFor(server.url, { title: 'Ander' });
    const foreign = await uploadImage(server.url, other.token, other.documentId, await pngImage(300, 300));
    const mine = await createDocumentFor(server.url, { title: 'Met vreemde afbeelding' });
    const client = connectClient(server.url.replace('http', 'ws') + '/sync', mine.documentId, { token: mine.token });
    await synced(client.provider);
    Y.applyUpdate(client.doc, docJSONToYUpdate({ type: 'doc', content: [{ type: 'image', attrs: { src: foreign.body.image.url, alt: 'vreemd' } }] }));
    await expect.poll(async () => (await mammoth.convertToHtml({ buffer: (await download('docx', mine.token, mine.documentId)).bytes })).value).toContain('[Afbeelding: vreemd]');
    destroyAll(client.provider);
  });
});
