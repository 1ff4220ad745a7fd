import { CloseCode } from '../../../shared/protocol';
import type { SyncLimitConfig } from '../../config';
import type { SyncExtension } from '../extensions';

/**
 * Awareness is relayed to everyone and replayed to every joiner, so what one socket puts
 * there is paid by all: each state is capped in size, each socket in client ids, each room
 * in states. With the defaults a joiner's snapshot is at most 2,000 × 8 KiB = 16 MiB,
 * under what one socket may buffer (MAX_BUFFERED_BYTES, 32 MiB).
 */
export function awarenessLimits(limits: SyncLimitConfig): SyncExtension {
  return {
    name: 'awareness-limits',
    onAwareness(conn, room, entries) {
      const fresh = new Set<number>();
      for (const entry of entries) {
        if (entry.removed) continue;
        if (entry.size > limits.awarenessStateBytes) {
          return { kind: 'awareness_too_big', reason: `awareness state over ${limits.awarenessStateBytes} bytes`, close: CloseCode.badMessage };
        }
        if (!conn.awarenessClientIds.has(entry.clientId)) fresh.add(entry.clientId);
      }
      if (conn.awarenessClientIds.size + fresh.size > limits.awarenessClientsPerConnection) {
        return { kind: 'awareness_clients', reason: `more than ${limits.awarenessClientsPerConnection} awareness clients on one connection`, close: CloseCode.badMessage };
      }
      if (fresh.size > 0 && room.awareness.size + fresh.size > limits.awarenessStatesPerRoom) {
        // Dropped without closing: an honest latecomer to a packed room only goes unseen.
        return { kind: 'awareness_room_full', reason: 'too many awareness states in this document' };
      }
      return null;
    },
  };
}
