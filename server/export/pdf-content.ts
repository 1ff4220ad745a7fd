/**
 * ProseMirror JSON (the editor's schema) → pdfmake content: headings, nested lists,
 * tables with header rows and merged cells (pdfmake wants a full grid, spans filled
 * with empty cells), images with captions, links.
 */
import type { JSONContent } from '@tiptap/core';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { isAllowedUri } from '@tiptap/extension-link';
import type { ExportImages } from './export-meta';

/** A4 width minus the margins, in points. */
export const CONTENT_WIDTH_PT = 595.28 - 2 * 62;

type Inline = { text: string; [style: string]: unknown };

export function inlineContent(nodes: JSONContent[] | undefined, extra: Record<string, unknown> = {}): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      out.push({ text: '\n' });
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const href: unknown = node.marks?.find((m) => m.type === 'link')?.attrs?.href;
    const link = typeof href === 'string' && isAllowedUri(href) ? href : undefined;
    const decoration = marks.has('underline') || link ? 'underline' : marks.has('strike') ? 'lineThrough' : undefined;
    out.push({
      text: node.text,
      ...extra,
      ...(marks.has('bold') ? { bold: true } : {}),
      ...(marks.has('italic') ? { italics: true } : {}),
      ...(decoration ? { decoration } : {}),
      ...(marks.has('code') ? { background: '#f1f1f1' } : {}),
      ...(link ? { link, color: '#0b5cad' } : {}),
    });
  }
  return out;
}

export function pdfBlocks(nodes: JSONContent[] | undefined, images: ExportImages): Content[] {
  return (nodes ?? []).flatMap((node) => pdfBlock(node, images));
}

function pdfBlock(node: JSONContent, images: ExportImages): Content[] {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 4);
      return [{ text: inlineContent(node.content), style: `h${level}`, headlineLevel: level }];
    }
    case 'paragraph':
      return [{ text: inlineContent(node.content), style: 'p' }];
    case 'bulletList':
    case 'orderedList': {
      const items = (node.content ?? []).map((item) => ({ stack: pdfBlocks(item.content, images) }));
      return [node.type === 'orderedList' ? { ol: items, start: Number(node.attrs?.start) || 1, style: 'list' } : { ul: items, style: 'list' }];
    }
    case 'blockquote':
      return [{ stack: pdfBlocks(node.content, images), style: 'quote' }];
    case 'codeBlock':
      return [{ text: (node.content ?? []).map((n) => n.text ?? '').join(''), style: 'code', preserveLeadingSpaces: true }];
    case 'horizontalRule':
      return [{ canvas: [{ type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH_PT, y2: 4, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 4, 0, 8] }];
    case 'table':
      return [pdfTable(node, images)];
    case 'image':
      return pdfImage(node, images);
    default:
      return node.content ? pdfBlocks(node.content, images) : [];
  }
}

/** The table as pdfmake's grid: every row as wide as the table, spans padded with `{}`. */
function pdfTable(node: JSONContent, images: ExportImages): Content {
  const rows = node.content ?? [];
  const grid: (TableCell | undefined)[][] = rows.map(() => []);
  let headerRows = 0;
  rows.forEach((row, r) => {
    const cells = row.content ?? [];
    if (r === headerRows && cells.length > 0 && cells.every((c) => c.type === 'tableHeader')) headerRows += 1;
    let col = 0;
    for (const cell of cells) {
      while (grid[r]![col] !== undefined) col += 1;
      const colSpan = Math.max(1, Number(cell.attrs?.colspan) || 1);
      const rowSpan = Math.max(1, Math.min(Number(cell.attrs?.rowspan) || 1, rows.length - r));
      const header = cell.type === 'tableHeader';
      grid[r]![col] = {
        // Cell paragraphs sit tight: the table's padding spaces them.
        stack: pdfBlocks(cell.content, images).map((b) => ({ ...(b as object), margin: [0, 0, 0, 2], ...(header ? { bold: true } : {}) }) as Content),
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
        ...(header ? { fillColor: '#e8eef4' } : {}),
      };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr || dc) grid[r + dr]![col + dc] = {};
      col += colSpan;
    }
  });
  const width = Math.max(1, ...grid.map((row) => row.length));
  const body = grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  return { table: { headerRows, widths: Array(width).fill('*'), body, dontBreakRows: true }, layout: 'stadskamer', style: 'table' };
}

function pdfImage(node: JSONContent, images: ExportImages): Content[] {
  const image = images.get(String(node.attrs?.src ?? ''));
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
  const caption = typeof node.attrs?.title === 'string' ? node.attrs.title.trim() : '';
  const out: Content[] = [];
  if (image) {
    const mime = image.type === 'jpg' ? 'image/jpeg' : 'image/png';
    // 96 dpi pixels to points, never wider than the text column.
    const width = Math.min(CONTENT_WIDTH_PT, image.width * 0.75);
    out.push({ image: `data:${mime};base64,${image.bytes.toString('base64')}`, width, margin: [0, 6, 0, caption ? 2 : 10] });
  } else {
    out.push({ text: `[Afbeelding: ${alt || caption || 'niet beschikbaar'}]`, italics: true, style: 'p' });
  }
  if (caption) out.push({ text: caption, style: 'caption' });
  return out;
}
