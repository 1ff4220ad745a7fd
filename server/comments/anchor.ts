import * as Y from 'yjs';
import { AppError } from '../http/errors';

/** The fragment TipTap keeps its content in (CONTRACT §3); anchors point into it. */
export const TEXT_FRAGMENT = 'default';

/**
 * Checks that `encoded` is base64 of Y.encodeRelativePosition. The server never resolves
 * anchors (the browser does, against its live document); it only refuses what no client
 * could ever resolve, so a thread never carries garbage.
 */
export function checkRelativePosition(encoded: string, field: string): void {
  let pos: Y.RelativePosition;
  try {
    const bytes = new Uint8Array(Buffer.from(encoded, 'base64'));
    pos = Y.decodeRelativePosition(bytes);
  } catch {
    throw new AppError(422, 'invalid_field', `${field}: is not an encoded Yjs relative position`, field);
  }
  const named = pos.tname !== null && pos.tname !== undefined;
  if (pos.item === null && pos.type === null && !named) {
    throw new AppError(422, 'invalid_field', `${field}: is not an encoded Yjs relative position`, field);
  }
  if (named && pos.tname !== TEXT_FRAGMENT) {
    throw new AppError(422, 'invalid_field', `${field}: must point into the "${TEXT_FRAGMENT}" fragment`, field);
  }
}
