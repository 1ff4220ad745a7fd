/**
 * Turns an accepted upload into what we store: decoded and re-encoded by sharp (libvips,
 * shipped as npm packages, nothing downloaded at install), so bytes appended to a
 * polyglot and metadata (EXIF with GPS positions) do not survive, and wide images are
 * scaled down to MAX_IMAGE_WIDTH. Animated GIFs keep their frames.
 */
import type Sharp from 'sharp';
import type { ImageType } from './image-store';

/** Wider than an A4 page at print resolution needs, narrower than a phone photo. */
export const MAX_IMAGE_WIDTH = 1600;
/** A decompression bomb stops here, before libvips allocates the pixels. */
const MAX_INPUT_PIXELS = 40_000_000;

const SHARP_FORMAT: Record<ImageType, 'png' | 'jpeg' | 'gif' | 'webp'> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export interface ProcessedImage {
  bytes: Buffer;
  width: number;
  height: number;
}

export class ImageDecodeError extends Error {}

/** libvips is some 25 MiB of memory: loaded at the first image, not at start. */
let loaded: Promise<typeof Sharp> | null = null;
export function loadSharp(): Promise<typeof Sharp> {
  loaded ??= import('sharp').then((m) => m.default);
  return loaded;
}

export async function processImage(input: Buffer, type: ImageType): Promise<ProcessedImage> {
  const format = SHARP_FORMAT[type];
  const sharp = await loadSharp();
  try {
    const image = sharp(input, { animated: type === 'image/gif', limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    // Sniffed bytes and decoder must agree: nothing else (SVG, PDF, TIFF) reaches libvips' other loaders.
    if (meta.format !== format) throw new ImageDecodeError(`expected ${format}, decoder saw ${meta.format}`);
    const { data, info } = await image
      .rotate()
      .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true })
      .toFormat(format)
      .toBuffer({ resolveWithObject: true });
    const height = info.pageHeight ?? info.height;
    return { bytes: data, width: info.width, height };
  } catch (err) {
    if (err instanceof ImageDecodeError) throw err;
    throw new ImageDecodeError((err as Error).message);
  }
}
