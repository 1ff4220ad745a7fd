/**
 * How a Word or PDF export in a worker gets the images its document shows: only the
 * worker knows which (it reads the content), only the main thread holds the image store.
 * The worker sends the `src`s once over a MessagePort; the main thread answers with the
 * placeable bytes (server/downloads/export-images.ts decides which images that may be).
 */
import type { MessagePort } from 'node:worker_threads';
import type { ExportImage, ExportImages } from './export-meta';

interface ImageRequest {
  srcs: string[];
}

type ImageAnswer = { images: [string, ExportImage][] } | { error: string };

/** Worker side: the images for `srcs`, by src. Closes the port. */
export async function requestImages(port: MessagePort, srcs: string[]): Promise<ExportImages> {
  try {
    if (srcs.length === 0) return new Map();
    const answer = await new Promise<ImageAnswer>((resolve, reject) => {
      port.once('message', resolve);
      port.once('close', () => reject(new Error('the export was given up before its images arrived')));
      port.postMessage({ srcs } satisfies ImageRequest);
    });
    if ('error' in answer) throw new Error(`images could not be loaded: ${answer.error}`);
    // A structured clone turns Buffers into plain Uint8Arrays; the renderers want Buffers.
    return new Map(answer.images.map(([src, image]) => [src, { ...image, bytes: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength) }]));
  } finally {
    port.close();
  }
}

/** Main-thread side: answers the worker's one request with `load`. */
export function answerImageRequest(port: MessagePort, load: (srcs: string[]) => Promise<ExportImages>): void {
  port.once('message', (message: unknown) => {
    const srcs = (message as Partial<ImageRequest> | null)?.srcs;
    const valid = Array.isArray(srcs) && srcs.every((src) => typeof src === 'string');
    (valid ? load(srcs) : Promise.reject(new Error('malformed image request'))).then(
      (images) => port.postMessage({ images: [...images] } satisfies ImageAnswer),
      (err: unknown) => port.postMessage({ error: (err as Error).message } satisfies ImageAnswer),
    );
  });
}
