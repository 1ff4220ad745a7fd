/**
 * Export times for a long recommendation (about 50 A4 pages): the Word and PDF renderers
 * on their own, as the export route runs them. `npx tsx scripts/measure-export.ts`
 */
import type { JSONContent } from '@tiptap/core';
import sharp from 'sharp';
import { PDFParse } from 'pdf-parse';
import { renderDocx } from '../server/export/docx';
import { renderPdf } from '../server/export/pdf';
import type { ExportImages } from '../server/export/export-meta';
import type { DocJSON } from '../server/export/prosemirror';
import { everyNodeDoc } from '../tests/documents/every-node';

const PARAGRAPH =
  'De steden vragen een woonbeleid dat wachtlijsten verkort, sociale verhuurkantoren versterkt en coöperatieve projecten ruimte geeft. ' +
  'Elke stad brengt haar cijfers mee; samen bepalen ze welke aanbevelingen naar de Vlaamse overheid gaan en welke de steden zelf opnemen.';

async function longDocument(sections: number): Promise<{ doc: DocJSON; images: ExportImages }> {
  const src = '/api/images/chart';
  const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#1d4f91' } }).png().toBuffer();
  const images: ExportImages = new Map([[src, { type: 'png', bytes: png, width: 800, height: 400 }]]);
  const content: JSONContent[] = [];
  for (let i = 1; i <= sections; i++) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Hoofdstuk ${i}` }] });
    for (let p = 0; p < 4; p++) content.push({ type: 'paragraph', content: [{ type: 'text', text: PARAGRAPH }] });
    content.push(...everyNodeDoc(src).content.slice(3, 6));
  }
  return { doc: { type: 'doc', content }, images };
}

const meta = { title: 'Aanbevelingen wonen Leuven', kindLabel: 'Aanbevelingen', status: 'final' as const, date: new Date(), workspace: 'Stadskamer Leuven', organisations: ['Stad Gent', 'Stad Leuven'] };
const { doc, images } = await longDocument(75);
for (const [name, render] of [['docx', renderDocx], ['pdf', renderPdf]] as const) {
  await render(doc, meta, images); // warm-up: fonts and modules load once per process
  const started = performance.now();
  const bytes = await render(doc, meta, images);
  const ms = performance.now() - started;
  let pages = '';
  if (name === 'pdf') {
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    pages = `, ${(await parser.getInfo()).total} pages`;
    await parser.destroy();
  }
  console.log(`${name}: ${Math.round(ms)} ms, ${(bytes.length / 1024).toFixed(0)} KiB${pages}`);
}
