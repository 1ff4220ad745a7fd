import * as Y from 'yjs';
import { CloseCode, DOCUMENT_FULL_REASON } from '../../../shared/protocol';
import type { Room } from '../room';
import type { SyncExtension } from '../extensions';

interface Size {
  /** Bytes the document takes in storage, at most: loaded rows plus every update since. */
  bytes: number;
  /** Bytes added since `bytes` was last measured exactly. */
  sinceMeasured: number;
}

/**
 * A document may not grow beyond `maxBytes` (MAX_DOCUMENT_BYTES, the size exports and copies
 * refuse with 413): one editor cannot fill the database, or every joiner's download, with one
 * document. The size is counted, not measured: the stored rows it was loaded from plus every
 * update applied since (as storage holds them until compaction). Only when that count would
 * pass the limit is the document measured (its encoded state, what compaction keeps), and at
 * most once per `maxBytes / 8` of growth: measuring a large document is a long encode, never
 * something one update per frame may ask for. An update over the limit is refused before
 * anything of it is applied; the sender's socket is closed with 1009.
 */
export function documentSize(maxBytes: number): SyncExtension {
  const sizes = new WeakMap<Room, Size>();
  const slack = Math.max(1, Math.floor(maxBytes / 8));
  const sizeOf = (room: Room): Size => {
    let size = sizes.get(room);
    if (!size) {
      // Never measured: the first time the count runs over, measuring is allowed.
      const s: Size = { bytes: room.loadedBytes, sinceMeasured: Number.POSITIVE_INFINITY };
      // Every update that reaches the document counts: this socket's, others', other instances'.
      room.doc.on('update', (update: Uint8Array) => {
        s.bytes += update.byteLength;
        s.sinceMeasured += update.byteLength;
      });
      sizes.set(room, (size = s));
    }
    return size;
  };

  return {
    name: 'document-size',
    onJoin(_conn, room) {
      sizeOf(room);
    },
    beforeApplyUpdate({ room, update }) {
      const size = sizeOf(room);
      if (size.bytes + update.byteLength <= maxBytes) return null;
      if (size.sinceMeasured >= slack) {
        size.bytes = Y.encodeStateAsUpdate(room.doc).byteLength;
        size.sinceMeasured = 0;
        if (size.bytes + update.byteLength <= maxBytes) return null;
      }
      return { kind: 'document_too_large', reason: `${DOCUMENT_FULL_REASON}: it may not grow beyond ${maxBytes} bytes`, close: CloseCode.tooBig };
    },
  };
}
