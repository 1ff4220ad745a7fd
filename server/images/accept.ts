import { AppError } from '../http/errors';
import type { ImageType } from './image-store';
import { ImageDecodeError, processImage } from './process';
import { sniffImageType } from './sniff';

export interface AcceptedImage {
  contentType: ImageType;
  width: number;
  height: number;
  bytes: Buffer;
}

/** Sniffs, decodes and re-encodes an upload; 415 for anything that is not one of our four formats. */
export async function acceptImage(input: Buffer): Promise<AcceptedImage> {
  const type = sniffImageType(input);
  if (!type) {
    throw new AppError(415, 'unsupported_image', 'Only PNG, JPEG, GIF and WebP images can be added (recognised by their content, not their name).', 'file');
  }
  try {
    const processed = await processImage(input, type);
    return { contentType: type, ...processed };
  } catch (err) {
    if (err instanceof ImageDecodeError) throw new AppError(415, 'unsupported_image', 'This file looks like an image but cannot be read as one.', 'file');
    throw err;
  }
}
