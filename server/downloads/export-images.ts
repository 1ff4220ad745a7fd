/**
 * The images a Word or PDF export asks for (server/export/image-port.ts), read from the
 * image store and made placeable: JPEG stays JPEG, PNG stays PNG, GIF and WebP become PNG
 * (their first frame), since Word and pdfkit do not read WebP and pdfkit does not read GIF.
 * Only images of the document's own workspace are used: a pasted URL of another
 * workspace's image stays out.
 */
import type { ImageStore } from '../images/image-store';
import { loadSharp } from '../images/process';
import { MAX_EXPORT_IMAGES, type ExportImages } from '../export/export-meta';
import { IMAGE_URL_PREFIX } from '../../shared/content-constants';

export async function loadExportImages(srcs: string[], workspaceId: string, store: ImageStore): Promise<ExportImages> {
  const images: ExportImages = new Map();
  for (const src of [...new Set(srcs)].slice(0, MAX_EXPORT_IMAGES)) {
    if (!src.startsWith(IMAGE_URL_PREFIX)) continue;
    const image = await store.get(src.slice(IMAGE_URL_PREFIX.length));
    if (!image || image.workspaceId !== workspaceId) continue;
    if (image.contentType === 'image/jpeg' || image.contentType === 'image/png') {
      images.set(src, { type: image.contentType === 'image/jpeg' ? 'jpg' : 'png', bytes: image.bytes, width: image.width, height: image.height });
    } else {
      // sharp works on libuv's thread pool: the event loop only waits for it.
      const sharp = await loadSharp();
      const png = await sharp(image.bytes).png().toBuffer();
      images.set(src, { type: 'png', bytes: png, width: image.width, height: image.height });
    }
  }
  return images;
}
