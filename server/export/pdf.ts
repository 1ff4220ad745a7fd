/**
 * The PDF export: a pure function from ProseMirror JSON plus metadata to PDF bytes,
 * made by pdfmake (pdfkit underneath) without a browser. Roboto, which pdfmake ships,
 * is embedded so ë, é, ï, € and typographic quotes render everywhere. A4, the same
 * title block and footer as the Word export. pdfmake may fetch URLs and read local files
 * named in a document: both are switched off, fonts and images are handed over as bytes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { DocJSON } from './prosemirror';
import { PUBLISHER, titleBlockRows, type ExportImages, type ExportMeta } from './export-meta';
import { CONTENT_WIDTH_PT, pdfBlocks } from './pdf-content';

const require = createRequire(import.meta.url);
type PdfMake = typeof import('pdfmake');
const BRAND = '#1d4f91';

let printer: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (printer) return printer;
  const instance = require('pdfmake') as PdfMake;
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  // pdfmake reads fonts by name from its in-memory file system; real files stay closed to it.
  const vfs = (instance as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs;
  const font = (file: string) => {
    vfs.writeFileSync(file, fs.readFileSync(path.join(dir, file)));
    return file;
  };
  const fonts: TFontDictionary = {
    Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') },
  };
  instance.setFonts(fonts);
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  instance.addTableLayouts({
    stadskamer: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#b0b7c3',
      vLineColor: () => '#b0b7c3',
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  });
  printer = instance;
  return instance;
}

function titleBlock(meta: ExportMeta): Content[] {
  return [
    { text: PUBLISHER.toUpperCase(), color: BRAND, bold: true, fontSize: 9 },
    { text: meta.kindLabel, color: '#555555', fontSize: 10, margin: [0, 2, 0, 6] },
    { text: meta.title, style: 'title' },
    {
      table: { widths: [130, '*'], body: titleBlockRows(meta).map(([label, value]) => [{ text: label, bold: true, color: '#555555' }, value]) },
      layout: 'noBorders',
      fontSize: 10,
    },
    { canvas: [{ type: 'line', x1: 0, y1: 6, x2: CONTENT_WIDTH_PT, y2: 6, lineWidth: 1.5, lineColor: BRAND }], margin: [0, 0, 0, 14] },
  ];
}

export async function renderPdf(doc: DocJSON, meta: ExportMeta, images: ExportImages): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [62, 56, 62, 64],
    info: { title: meta.title, author: PUBLISHER, subject: `${meta.kindLabel} — ${meta.workspace}`, creator: 'Stadskamer' },
    language: 'nl-BE',
    content: [...titleBlock(meta), ...pdfBlocks(doc.content, images)],
    footer: (page, pages) => ({
      columns: [
        { text: `${PUBLISHER} — ${meta.title}`, color: '#666666' },
        { text: `pagina ${page} van ${pages}`, alignment: 'right', color: '#666666', width: 90 },
      ],
      fontSize: 8,
      margin: [62, 24, 62, 0],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 22, bold: true, color: BRAND, margin: [0, 0, 0, 10] },
      h1: { fontSize: 16, bold: true, color: BRAND, margin: [0, 14, 0, 6] },
      h2: { fontSize: 13, bold: true, color: BRAND, margin: [0, 12, 0, 4] },
      h3: { fontSize: 11.5, bold: true, color: '#333333', margin: [0, 10, 0, 4] },
      h4: { fontSize: 10.5, bold: true, color: '#333333', margin: [0, 8, 0, 2] },
      p: { margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
      quote: { italics: true, color: '#444444', margin: [18, 0, 0, 6] },
      code: { fontSize: 9, background: '#f3f3f3', margin: [0, 0, 0, 6] },
      table: { margin: [0, 4, 0, 10], fontSize: 9.5 },
      caption: { italics: true, fontSize: 9, color: '#555555', margin: [0, 0, 0, 10] },
    },
  };
  return pdfmake().createPdf(definition).getBuffer();
}
