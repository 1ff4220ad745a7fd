/**
 * ProseMirror JSON (the editor's schema) → `docx` paragraphs and tables: real heading
 * styles, Word lists (one numbering instance per list, so each starts at 1), tables with
 * repeating header rows and merged cells, images with alt text and caption, links, and
 * pending suggestions as tracked changes (docx-tracked.ts).
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
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { isAllowedUri } from '@tiptap/extension-link';
import type { ExportImages } from './export-meta';
import type { CommentMarks } from './comment-ranges';
import { deletedRun, insertedRuns, RevisionIds, splitParagraphs, type InlineChild } from './docx-tracked';
import { TRACKED_INSERT, type Revision, type TrackedDeletion, type TrackedMarkDeletion } from './tracked-changes';

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
  private readonly revisions: RevisionIds;

  /** `firstRevisionId`: tracked changes are numbered after the comments (Word wants the ids apart). */
  constructor(
    private readonly images: ExportImages,
    firstRevisionId = 0,
  ) {
    this.revisions = new RevisionIds(firstRevisionId);
  }

  blocks(nodes: JSONContent[] | undefined, list?: ListContext): Block[] {
    return (nodes ?? []).flatMap((node) => this.block(node, list));
  }

  private block(node: JSONContent, list?: ListContext): Block[] {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 6);
        return this.textblock(node, { heading: HEADINGS[level - 1] });
      }
      case 'paragraph':
        return this.textblock(node, list ? { indent: { left: 720 * (list.level + 1) } } : {});
      case 'bulletList':
      case 'orderedList':
        return this.list(node, list);
      case 'blockquote':
        // Word's own "Quote" style: the honest match, and the reader's template can restyle it.
        return (node.content ?? []).flatMap((child) =>
          child.type === 'paragraph' ? this.textblock(child, { style: 'Quote' }) : this.block(child, list),
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
          out.push(...this.textblock(child, { numbering: { reference, level: context.level, instance: context.instance } }));
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

  /** A paragraph or heading: more than one where proposed text starts new paragraphs. */
  private textblock(node: JSONContent, options: Omit<IParagraphOptions, 'children'>): Paragraph[] {
    return splitParagraphs(node as TrackedMarkDeletion, this.inline(node.content), options, this.revisions);
  }

  private inline(nodes: JSONContent[] | undefined): InlineChild[] {
    const out: InlineChild[] = [];
    for (const node of nodes ?? []) {
      if (node.type === 'hardBreak') {
        out.push(new TextRun({ text: '', break: 1 }));
        continue;
      }
      if (node.type === TRACKED_INSERT) {
        out.push(...insertedRuns(runOptions(node), node.text ?? '', (node as { revision: Revision }).revision, this.revisions, 'paragraphs'));
        continue;
      }
      if (node.type !== 'text' || !node.text) continue;
      const link = node.marks?.find((m) => m.type === 'link');
      const href = typeof link?.attrs?.href === 'string' && isAllowedUri(link.attrs.href) ? link.attrs.href : null;
      const options = { ...runOptions(node), text: node.text, style: href ? 'Hyperlink' : undefined };
      const deletion = (node as TrackedDeletion).trackedDeletion;
      const run = deletion ? deletedRun(options, deletion, this.revisions) : new TextRun(options);
      out.push(...commented(node, [href ? new ExternalHyperlink({ link: href, children: [run] }) : run]));
    }
    return out;
  }

  private codeRuns(nodes: JSONContent[] | undefined): ParagraphChild[] {
    // Each text node's first line goes on where the one before it ended; a code block is
    // one paragraph, so proposed lines are line breaks there.
    return (nodes ?? []).flatMap((node) => {
      const revision = (node as { revision?: Revision }).revision;
      if (node.type === TRACKED_INSERT && revision) return insertedRuns({}, node.text ?? '', revision, this.revisions, 'breaks') as ParagraphChild[];
      const deletion = (node as TrackedDeletion).trackedDeletion;
      const runs = (node.text ?? '').split('\n').map((line, i) => {
        const options = { text: line, break: i > 0 ? 1 : undefined };
        return deletion ? deletedRun(options, deletion, this.revisions) : new TextRun(options);
      });
      return commented(node, runs);
    });
  }
}

/** A text node's marks as Word run formatting. */
function runOptions(node: JSONContent): IRunOptions {
  const marks = new Set((node.marks ?? []).map((m) => m.type));
  return {
    bold: marks.has('bold'),
    italics: marks.has('italic'),
    underline: marks.has('underline') ? {} : undefined,
    strike: marks.has('strike'),
    font: marks.has('code') ? 'Consolas' : undefined,
  };
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
