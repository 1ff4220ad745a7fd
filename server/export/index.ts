/**
 * Exports a document's current content (CONTRACT §2, GET /api/documents/:did/export):
 * text documents from their TipTap content, boards from their columns and cards with
 * honestly counted votes. Pure: reads the Y.Doc, never changes it.
 */
import type * as Y from 'yjs';
import { readHonestBoard } from './board-model';
import { boardToDocJSON, boardToExportJSON } from './board-document';
import { docToHtmlDocument } from './html';
import { docToMarkdown } from './markdown';
import { yDocToDocJSON, type DocJSON } from './prosemirror';
import type { ExportImages, ExportMeta } from './export-meta';
import { withSafeLinks } from './safe-links';
import type { PlacedComment } from './comment-ranges';

export type ExportKind = 'recommendation' | 'note' | 'board';
export type TextFormat = 'markdown' | 'html' | 'json';
export type OfficeFormat = 'docx' | 'pdf';
export type ExportFormat = TextFormat | OfficeFormat;

export interface ExportInput {
  doc: Y.Doc;
  kind: ExportKind;
  title: string;
  format: TextFormat;
  /** user ids of the workspace's current members: only their votes count */
  memberIds: Set<string>;
  /** member id → organisation, shown beside each board card */
  organisations?: Map<string, string>;
}

export interface ExportResult {
  contentType: string;
  body: string;
}

/** A Word or PDF export: the file's bytes. */
export interface FileExportResult {
  contentType: string;
  body: Uint8Array;
}

export const EXPORT_CONTENT_TYPES: Record<TextFormat | OfficeFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export const EXPORT_EXTENSIONS: Record<TextFormat | OfficeFormat, string> = { markdown: 'md', html: 'html', json: 'json', docx: 'docx', pdf: 'pdf' };

/** Used when a document has no title, so the export never opens with an empty heading. */
export const UNTITLED = 'Zonder titel';

function rendered(format: 'markdown' | 'html', doc: DocJSON, title: string): ExportResult {
  const body = format === 'markdown' ? docToMarkdown(doc, title) : docToHtmlDocument(doc, title);
  return { contentType: EXPORT_CONTENT_TYPES[format], body };
}

function json(value: unknown): ExportResult {
  return { contentType: EXPORT_CONTENT_TYPES.json, body: JSON.stringify(value) };
}

export function exportDocument(input: ExportInput): ExportResult {
  const title = input.title.trim() === '' ? UNTITLED : input.title;
  if (input.kind === 'board') {
    const board = readHonestBoard(input.doc, input.memberIds);
    if (input.format === 'json') return json(boardToExportJSON(board, title));
    return rendered(input.format, boardToDocJSON(board, input.organisations), title);
  }
  const doc = withSafeLinks(yDocToDocJSON(input.doc));
  if (input.format === 'json') return json({ title, ...doc });
  return rendered(input.format, doc, title);
}

/** The content the Word and PDF exports lay out: a text document's own, or a board as headings and lists. */
export function exportContent(input: Omit<ExportInput, 'format' | 'title'>): DocJSON {
  if (input.kind === 'board') return boardToDocJSON(readHonestBoard(input.doc, input.memberIds), input.organisations);
  return yDocToDocJSON(input.doc);
}

/**
 * Word or PDF bytes for `content`: pure (JSON and bytes in, bytes out), so it can run in a
 * worker; the renderers load on first use because they are large.
 */
export async function renderOfficeExport(format: OfficeFormat, content: DocJSON, meta: ExportMeta, images: ExportImages, comments: PlacedComment[] = []): Promise<Buffer> {
  if (format === 'docx') return (await import('./docx')).renderDocx(content, meta, images, comments);
  return (await import('./pdf')).renderPdf(content, meta, images);
}
