import { Hono } from 'hono';
import type { Access, AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readUploadedFile, uploadLimit } from '../http/upload';
import { newId } from '../auth/tokens';
import type { Logger } from '../log';
import type { MemberRepository } from '../workspaces/members';
import { IMAGE_URL_PREFIX } from '../../shared/content-constants';
import type { ImageStore } from './image-store';
import { acceptImage } from './accept';

/** Largest image upload (issue #13). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface ImageRouteDeps {
  members: Pick<MemberRepository, 'role'>;
  access: Access;
  images: ImageStore;
  log: Logger;
}

/**
 * POST /api/documents/:did/images (editor+): stores one image, answers its URL.
 * GET /api/images/:id (members of its workspace; 404 for anyone else): the stored bytes.
 */
export function imageRoutes({ members, access, images, log }: ImageRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Access first: a caller who may not upload is refused before a byte of the body is read.
  app.post('/api/documents/:did/images', access.requireDocument('editor'), uploadLimit(MAX_IMAGE_BYTES + 64 * 1024, 'The image'), async (c) => {
    const { user, document } = c.var;
    if (document.kind === 'board') throw new AppError(409, 'not_a_text_document', 'Images belong in recommendations and notes.');
    const { bytes } = await readUploadedFile(c);
    if (bytes.length > MAX_IMAGE_BYTES) throw new AppError(413, 'payload_too_large', 'The image is larger than 10 MB.', 'file');
    const image = await acceptImage(bytes);
    const id = newId();
    await images.put({ id, workspaceId: document.workspaceId, documentId: document.id, ...image, createdBy: user.id, createdAt: new Date().toISOString() });
    log.info({ event: 'image.uploaded', documentId: document.id, imageId: id, bytes: image.bytes.length }, 'image uploaded');
    return c.json({ image: { id, url: `${IMAGE_URL_PREFIX}${id}`, contentType: image.contentType, width: image.width, height: image.height } }, 201);
  });

  app.get('/api/images/:id', access.requireUser, async (c) => {
    const image = await images.get(c.req.param('id'));
    if (!image || !(await members.role(image.workspaceId, c.var.user.id))) throw notFound('image');
    // Image ids never change their bytes: the browser may keep them, but only for this person.
    return c.body(new Uint8Array(image.bytes), 200, {
      'Content-Type': image.contentType,
      'Content-Length': String(image.bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${image.id}"`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  return app;
}
