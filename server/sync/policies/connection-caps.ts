import type { SyncLimitConfig } from '../../config';
import type { Connection } from '../connection';
import type { SyncExtension, UpgradeRefusal } from '../extensions';

/**
 * Sockets per user, per client address and per process: one token or one address cannot
 * hold the file descriptors everyone else needs. Over a cap the upgrade answers 429.
 */
export function connectionCaps(limits: SyncLimitConfig): SyncExtension {
  const perUser = new Map<string, number>();
  const perAddress = new Map<string, number>();
  let total = 0;
  const add = (map: Map<string, number>, key: string, delta: number) => {
    const n = (map.get(key) ?? 0) + delta;
    if (n <= 0) map.delete(key);
    else map.set(key, n);
  };
  const tooMany = (message: string): UpgradeRefusal => ({ status: 429, code: 'too_many_connections', message });

  return {
    name: 'connection-caps',
    onAuthenticate(identity, address) {
      if (total >= limits.socketsPerProcess) return tooMany('This server has no room for more connections right now.');
      if ((perUser.get(identity.user.id) ?? 0) >= limits.socketsPerUser) return tooMany('Too many open connections for this account.');
      if ((perAddress.get(address) ?? 0) >= limits.socketsPerAddress) return tooMany('Too many open connections from this address.');
      return null;
    },
    onOpen(conn: Connection) {
      total++;
      add(perUser, conn.identity.user.id, 1);
      add(perAddress, conn.address, 1);
    },
    onClose(conn: Connection) {
      total--;
      add(perUser, conn.identity.user.id, -1);
      add(perAddress, conn.address, -1);
    },
  };
}
