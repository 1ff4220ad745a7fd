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
import { withSafeLinks } from './safe-links';

export type ExportKind = 'recommendation' | 'note' | 'board';
export type ExportFormat = 'markdown' | 'html' | 'json';

export interface ExportInput {
  doc: Y.Doc;
  kind: ExportKind;
  title: string;
  format: ExportFormat;
  /** user ids of the workspace's current members: only their votes count */
  memberIds: Set<string>;
}

export interface ExportResult {
  contentType: string;
  body: string;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

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
    return rendered(input.format, boardToDocJSON(board), title);
  }
  const doc = withSafeLinks(yDocToDocJSON(input.doc));
  if (input.format === 'json') return json({ title, ...doc });
  return rendered(input.format, doc, title);
}
