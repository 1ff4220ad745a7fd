/**
 * A Word or PDF export as the export pool's worker makes it: the content read from the
 * rebuilt Y.Doc (with open threads and pending suggestions placed on their text when
 * asked for), the images it shows fetched from the main thread, then rendered. Everything heavy — reading the
 * document, laying out fifty pages — happens here, off the event loop.
 */
import type { JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import { EXPORT_CONTENT_TYPES, exportContent, renderOfficeExport, type FileExportResult } from './index';
import type { PlacedComment } from './comment-ranges';
import { annotatedContent } from './annotated-content';
import { MAX_EXPORT_IMAGES } from './export-meta';
import type { OfficeExportTask } from './export-task';
import { requestImages } from './image-port';
import type { DocJSON } from './prosemirror';
import { IMAGE_URL_PREFIX } from '../../shared/content-constants';

/** The uploaded images (`/api/images/:id`) `node` shows, each once, in document order. */
export function imageSources(node: JSONContent, into = new Set<string>()): Set<string> {
  if (node.type === 'image' && typeof node.attrs?.src === 'string' && node.attrs.src.startsWith(IMAGE_URL_PREFIX)) into.add(node.attrs.src);
  for (const child of node.content ?? []) imageSources(child, into);
  return into;
}

export async function renderOfficeTask(doc: Y.Doc, task: OfficeExportTask): Promise<FileExportResult> {
  let content: DocJSON;
  let comments: PlacedComment[] = [];
  // Boards have no comment threads or suggestions; only the Word export carries them (CONTRACT §2).
  if (task.threads.length + task.suggestions.length > 0 && task.kind !== 'board' && task.format === 'docx') {
    ({ content, comments } = annotatedContent(doc, task.threads, task.suggestions));
  } else {
    content = exportContent({ doc, kind: task.kind, memberIds: new Set(task.memberIds), organisations: new Map(task.organisations) });
  }
  const images = await requestImages(task.images, [...imageSources(content)].slice(0, MAX_EXPORT_IMAGES));
  const bytes = await renderOfficeExport(task.format, content, task.meta, images, comments);
  return { contentType: EXPORT_CONTENT_TYPES[task.format], body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
