import { Hono } from 'hono';
import { z } from 'zod';
import type { Access, AppEnv } from '../http/access';
import { newId } from '../auth/tokens';
import type { DocumentRepository } from '../documents/document-repository';
import { actorOf, type Emit } from '../events/emit';
import { AppError } from '../http/errors';
import { readUploadedFile, uploadLimit } from '../http/upload';
import type { ImageStore } from '../images/image-store';
import { acceptImage, type AcceptedImage } from '../images/accept';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { IMAGE_URL_PREFIX } from '../../shared/content-constants';
import { measureContent, withinContentLimits } from './content-limits';

/** Largest Word file accepted for import (issue #13). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ImportFields = z.object({
  kind: z.enum(['recommendation', 'note']).default('recommendation'),
  title: z.string().trim().max(300).optional(),
});

export interface ImportDeps {
  documents: DocumentRepository;
  access: Access;
  store: DocumentStore;
  images: ImageStore;
  emit: Emit;
  log: Logger;
  /**
   * Keeps the imported content as the document's first version (reason `import`). An import
   * only ever creates a new document, so there is no earlier content to keep before it.
   */
  firstVersion(documentId: string, userId: string): Promise<unknown>;
}

function titleFromFileName(name: string): string {
  const stem = name.replace(/\.docx$/i, '').replace(/[_]+/g, ' ').trim();
  return (stem || 'Geïmporteerd document').slice(0, 300);
}

/**
 * POST /api/workspaces/:wid/imports (editor+): "Importeren uit Word". Multipart with the
 * .docx in `file`, optional `kind` (recommendation | note) and `title`. Everything is
 * read, converted and checked before anything is stored: a refused file creates nothing.
 */
export function importRoutes({ documents, access, store, images, emit, log, firstVersion }: ImportDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Access first: a caller who may not import is refused before a byte of the body is read.
  app.post('/api/workspaces/:wid/imports', access.requireWorkspace('editor'), uploadLimit(MAX_IMPORT_BYTES + 64 * 1024, 'The Word file'), async (c) => {
    const { user, workspace } = c.var;
    const { name, bytes, fields } = await readUploadedFile(c);
    if (bytes.length > MAX_IMPORT_BYTES) throw new AppError(413, 'payload_too_large', 'The Word file is larger than 20 MB.', 'file');
    const parsed = ImportFields.safeParse(fields);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'kind');
      throw new AppError(422, 'invalid_field', `${field}: ${parsed.error.issues[0]?.message}`, field);
    }
    const { docxToContent, placeImages, DocxReadError } = await import('./docx-to-content');
    const { docJSONToYUpdate } = await import('../export/prosemirror');
    let imported;
    try {
      imported = await docxToContent(bytes);
    } catch (err) {
      if (err instanceof DocxReadError) throw new AppError(422, err.code, err.message, 'file');
      throw err;
    }
    if (!withinContentLimits(measureContent(imported.doc))) {
      throw new AppError(422, 'content_too_large', 'This document nests too deeply or is too long for the editor.', 'file');
    }
    const accepted: (AcceptedImage | null)[] = [];
    for (const image of imported.images) accepted.push(await acceptImage(image).catch(() => null));
    const ids = accepted.map((a) => (a ? newId() : null));
    const content = placeImages(imported.doc, ids.map((id) => (id ? `${IMAGE_URL_PREFIX}${id}` : null)));
    const update = docJSONToYUpdate({ type: 'doc', content: content.content ?? [] });

    const document = await documents.create({ workspaceId: workspace.id, kind: parsed.data.kind, title: parsed.data.title || titleFromFileName(name), tags: [], createdBy: user.id });
    const createdAt = new Date().toISOString();
    for (const [i, image] of accepted.entries()) {
      if (image) await images.put({ id: ids[i]!, workspaceId: workspace.id, documentId: document.id, ...image, createdBy: user.id, createdAt });
    }
    await store.appendUpdate(document.id, update);
    // The document exists with its content either way: a version that cannot be made is logged, not the import's failure.
    await firstVersion(document.id, user.id).catch((err: unknown) => log.error({ event: 'versions.save_failed', documentId: document.id, reason: 'import', err }, 'could not keep the imported content as a version'));
    emit({ type: 'document.created', workspaceId: workspace.id, actor: actorOf(user), subject: document.id });
    const skipped = accepted.filter((a) => a === null).length;
    log.info({ event: 'document.imported', documentId: document.id, bytes: bytes.length, images: accepted.length, skipped }, 'Word file imported');
    return c.json({ document, skippedImages: skipped }, 201);
  });

  return app;
}
