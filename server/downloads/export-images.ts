/**
 * The images a Word or PDF export needs, read from the image store and made placeable:
 * JPEG stays JPEG, PNG stays PNG, GIF and WebP become PNG (their first frame), since
 * Word and pdfkit do not read WebP and pdfkit does not read GIF. Only images of the
 * document's own workspace are used: a pasted URL of another workspace's image stays out.
 */
import type { JSONContent } from '@tiptap/core';
import sharp from 'sharp';
import type { ImageStore } from '../images/image-store';
import type { ExportImages } from '../export/export-meta';
import { IMAGE_URL_PREFIX } from '../../shared/editor-content';

/** More images than any recommendation has; bounds what one export may load. */
const MAX_EXPORT_IMAGES = 200;

export function imageSources(node: JSONContent, into = new Set<string>()): Set<string> {
  if (node.type === 'image' && typeof node.attrs?.src === 'string' && node.attrs.src.startsWith(IMAGE_URL_PREFIX)) into.add(node.attrs.src);
  for (const child of node.content ?? []) imageSources(child, into);
  return into;
}

export async function loadExportImages(content: JSONContent, workspaceId: string, store: ImageStore): Promise<ExportImages> {
  const images: ExportImages = new Map();
  for (const src of [...imageSources(content)].slice(0, MAX_EXPORT_IMAGES)) {
    const image = await store.get(src.slice(IMAGE_URL_PREFIX.length));
    if (!image || image.workspaceId !== workspaceId) continue;
    if (image.contentType === 'image/jpeg' || image.contentType === 'image/png') {
      images.set(src, { type: image.contentType === 'image/jpeg' ? 'jpg' : 'png', bytes: image.bytes, width: image.width, height: image.height });
    } else {
      const png = await sharp(image.bytes).png().toBuffer();
      images.set(src, { type: 'png', bytes: png, width: image.width, height: image.height });
    }
  }
  return images;
}
