/**
 * The Word export: a pure function from ProseMirror JSON plus metadata to the bytes of a
 * .docx, so it can run in a worker. Built with the `docx` package; the layout is the
 * Kenniscentrum's: publisher line, title, a title block (status, date, workspace,
 * participating organisations), the content in Word's own heading and list styles, and
 * "pagina X van Y" in the footer. Open comment threads, when asked for, become Word
 * comments on their text, replies threaded under them; pending suggestions become
 * tracked changes (marked on the content by tracked-changes.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ILevelsOptions,
} from 'docx';
import type { DocJSON } from './prosemirror';
import { BULLETS, DocxContent, NUMBERS } from './docx-content';
import { PUBLISHER, titleBlockRows, type ExportImages, type ExportMeta } from './export-meta';
import type { PlacedComment } from './comment-ranges';

const BRAND = '1D4F91';
const FONT = 'Calibri';
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function levels(kind: 'bullet' | 'number'): ILevelsOptions[] {
  const bullets = ['•', '◦', '▪'];
  const numbers = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : numbers[level % 3]!,
    text: kind === 'bullet' ? bullets[level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

function titleBlock(meta: ExportMeta): (Paragraph | Table)[] {
  const cellBorders = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
  const rows = titleBlockRows(meta).map(
    ([label, value]) =>
      new TableRow({
        children: [
          new TableCell({ borders: cellBorders, width: { size: 28, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text: label, bold: true, color: '555555' })] })] }),
          new TableCell({ borders: cellBorders, width: { size: 72, type: WidthType.PERCENTAGE }, children: [new Paragraph(value)] }),
        ],
      }),
  );
  return [
    new Paragraph({ children: [new TextRun({ text: PUBLISHER.toUpperCase(), bold: true, color: BRAND, size: 20 })] }),
    new Paragraph({ children: [new TextRun({ text: meta.kindLabel, color: '555555' })] }),
    new Paragraph({ style: 'Title', children: [new TextRun(meta.title)] }),
    new Table({
      rows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: NO_BORDER, bottom: { style: BorderStyle.SINGLE, size: 8, color: BRAND }, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    }),
    new Paragraph(''),
  ];
}

function footer(meta: ExportMeta): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: `${PUBLISHER} — ${meta.title} — pagina `, color: '666666', size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], color: '666666', size: 16 }),
          new TextRun({ text: ' van ', color: '666666', size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], color: '666666', size: 16 }),
        ],
      }),
    ],
  });
}

function wordComments(comments: PlacedComment[]): ICommentOptions[] {
  return comments.map((comment) => ({
    id: comment.id,
    author: comment.author,
    initials: initials(comment.author),
    date: new Date(comment.createdAt),
    ...(comment.parentId !== undefined ? { parentId: comment.parentId } : {}),
    children: comment.body.split(/\r\n|\r|\n/).map((line) => new Paragraph(line)),
  }));
}

/** "Anna Peeters (Stad Gent)" → "AP": what Word shows in a comment's balloon. */
function initials(author: string): string {
  const name = author.replace(/\(.*\)$/, '').trim();
  return name.split(/\s+/).map((word) => [...word][0] ?? '').join('').slice(0, 4).toUpperCase();
}

export async function renderDocx(doc: DocJSON, meta: ExportMeta, images: ExportImages, comments: PlacedComment[] = []): Promise<Buffer> {
  const content = new DocxContent(images, comments.length);
  const document = new Document({
    ...(comments.length > 0 ? { comments: { children: wordComments(comments) } } : {}),
    creator: PUBLISHER,
    title: meta.title,
    description: `${meta.kindLabel} — ${meta.workspace}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: FONT, size: 48, bold: true, color: BRAND }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: BRAND }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: BRAND }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: '333333' }, paragraph: { spacing: { before: 200, after: 60 } } },
        hyperlink: { run: { color: '0B5CAD', underline: {} } },
      },
      paragraphStyles: [
        { id: 'Code', name: 'Code', basedOn: 'Normal', run: { font: 'Consolas', size: 19 }, paragraph: { shading: { fill: 'F3F3F3' } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true, color: '444444' }, paragraph: { indent: { left: 567 } } },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true, size: 18, color: '555555' } },
      ],
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: levels('bullet') },
        { reference: NUMBERS, levels: levels('number') },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        footers: { default: footer(meta) },
        children: [...titleBlock(meta), ...content.blocks(doc.content)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
