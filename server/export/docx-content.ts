/**
 * ProseMirror JSON (the editor's schema) → `docx` paragraphs and tables: real heading
 * styles, Word lists (one numbering instance per list, so each starts at 1), tables with
 * repeating header rows and merged cells, images with alt text and caption, links.
 */
import type { JSONContent } from '@tiptap/core';
import {
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { isAllowedUri } from '@tiptap/extension-link';
import type { ExportImages } from './export-meta';
import type { CommentMarks } from './comment-ranges';

export const BULLETS = 'stadskamer-bullets';
export const NUMBERS = 'stadskamer-numbers';
/** Usable width of an A4 page with 2.5 cm margins, in pixels at 96 dpi. */
const PAGE_WIDTH_PX = 600;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

type Block = Paragraph | Table;
interface ListContext {
  reference: string;
  level: number;
  instance: number;
}

export class DocxContent {
  private nextInstance = 1;

  constructor(private readonly images: ExportImages) {}

  blocks(nodes: JSONContent[] | undefined, list?: ListContext): Block[] {
    return (nodes ?? []).flatMap((node) => this.block(node, list));
  }

  private block(node: JSONContent, list?: ListContext): Block[] {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 6);
        return [new Paragraph({ heading: HEADINGS[level - 1], children: this.inline(node.content) })];
      }
      case 'paragraph':
        return [new Paragraph({ children: this.inline(node.content), ...(list ? { indent: { left: 720 * (list.level + 1) } } : {}) })];
      case 'bulletList':
      case 'orderedList':
        return this.list(node, list);
      case 'blockquote':
        // Word's own "Quote" style: the honest match, and the reader's template can restyle it.
        return (node.content ?? []).flatMap((child) =>
          child.type === 'paragraph' ? [new Paragraph({ style: 'Quote', children: this.inline(child.content) })] : this.block(child, list),
        );
      case 'codeBlock':
        return [new Paragraph({ style: 'Code', children: this.codeRuns(node.content) })];
      case 'horizontalRule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
      case 'table':
        return [this.table(node)];
      case 'image':
        return this.image(node);
      default:
        return node.content ? this.blocks(node.content, list) : [];
    }
  }

  private list(node: JSONContent, parent?: ListContext): Block[] {
    const reference = node.type === 'orderedList' ? NUMBERS : BULLETS;
    const context: ListContext = { reference, level: parent ? Math.min(parent.level + 1, 8) : 0, instance: this.nextInstance++ };
    const out: Block[] = [];
    for (const item of node.content ?? []) {
      let first = true;
      for (const child of item.content ?? []) {
        if ((child.type === 'paragraph' || child.type === 'heading') && first) {
          out.push(new Paragraph({ children: this.inline(child.content), numbering: { reference, level: context.level, instance: context.instance } }));
          first = false;
        } else {
          out.push(...this.block(child, context));
        }
      }
    }
    return out;
  }

  private table(node: JSONContent): Table {
    const rows = (node.content ?? []).map((row) => {
      const cells = row.content ?? [];
      const header = cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader');
      return new TableRow({
        // Only header rows carry the flag: mammoth and Word read its mere presence.
        ...(header ? { tableHeader: true } : {}),
        children: cells.map(
          (cell) =>
            new TableCell({
              columnSpan: Number(cell.attrs?.colspan) || 1,
              rowSpan: Number(cell.attrs?.rowspan) || 1,
              shading: cell.type === 'tableHeader' ? { fill: 'E8EEF4' } : undefined,
              children: this.cellBlocks(cell, cell.type === 'tableHeader'),
            }),
        ),
      });
    });
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }

  private cellBlocks(cell: JSONContent, bold: boolean): Block[] {
    const blocks = this.blocks((cell.content ?? []).map((c) => (bold ? withMark(c, 'bold') : c)));
    // Word refuses a cell without a paragraph.
    return blocks.length > 0 ? blocks : [new Paragraph('')];
  }

  private image(node: JSONContent): Block[] {
    const src = String(node.attrs?.src ?? '');
    const image = this.images.get(src);
    const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
    const caption = typeof node.attrs?.title === 'string' ? node.attrs.title.trim() : '';
    const out: Block[] = [];
    if (image) {
      const scale = Math.min(1, PAGE_WIDTH_PX / image.width);
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: image.type,
              data: image.bytes,
              transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
              altText: { name: alt || caption || 'Afbeelding', title: caption, description: alt },
            }),
          ],
        }),
      );
    } else {
      out.push(new Paragraph({ children: [new TextRun({ text: `[Afbeelding: ${alt || caption || 'niet beschikbaar'}]`, italics: true })] }));
    }
    if (caption) out.push(new Paragraph({ style: 'Caption', children: [new TextRun(caption)] }));
    return out;
  }

  inline(nodes: JSONContent[] | undefined): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes ?? []) {
      if (node.type === 'hardBreak') {
        out.push(new TextRun({ text: '', break: 1 }));
        continue;
      }
      if (node.type !== 'text' || !node.text) continue;
      const marks = new Set((node.marks ?? []).map((m) => m.type));
      const link = node.marks?.find((m) => m.type === 'link');
      const href = typeof link?.attrs?.href === 'string' && isAllowedUri(link.attrs.href) ? link.attrs.href : null;
      const run = new TextRun({
        text: node.text,
        bold: marks.has('bold'),
        italics: marks.has('italic'),
        underline: marks.has('underline') ? {} : undefined,
        strike: marks.has('strike'),
        font: marks.has('code') ? 'Consolas' : undefined,
        style: href ? 'Hyperlink' : undefined,
      });
      out.push(...commented(node, [href ? new ExternalHyperlink({ link: href, children: [run] }) : run]));
    }
    return out;
  }

  private codeRuns(nodes: JSONContent[] | undefined): ParagraphChild[] {
    // Each text node's first line goes on where the one before it ended.
    return (nodes ?? []).flatMap((node) =>
      commented(node, (node.text ?? '').split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }))),
    );
  }
}

/**
 * `runs` inside the Word comments that open or close on `node` (comment-ranges.ts): the
 * range marks around them, and after each range's end the reference Word shows it by.
 */
function commented(node: JSONContent & CommentMarks, runs: ParagraphChild[]): ParagraphChild[] {
  const starts = (node.commentStarts ?? []).map((id) => new CommentRangeStart(id));
  const ends = (node.commentEnds ?? []).flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]);
  return [...starts, ...runs, ...ends];
}

function withMark(node: JSONContent, mark: string): JSONContent {
  if (node.type === 'text') return { ...node, marks: [...(node.marks ?? []), { type: mark }] };
  return node.content ? { ...node, content: node.content.map((c) => withMark(c, mark)) } : node;
}
