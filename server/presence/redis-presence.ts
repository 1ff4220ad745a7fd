import type { RedisClientType } from 'redis';
import { collapsePresence, type PresenceEntry, type PresenceStore } from './presence-store';

const keyOf = (workspaceId: string) => `sk:presence:${workspaceId}`;

/**
 * Presence in one Redis hash per workspace: field = connection key, value = the entry
 * with its expiry. Readers drop expired fields, so a crashed instance's users vanish
 * once their last heartbeat runs out; the hash itself expires when nobody renews it.
 */
export class RedisPresenceStore implements PresenceStore {
  constructor(private readonly redis: RedisClientType) {}

  async put(workspaceId: string, key: string, entry: PresenceEntry, ttlMs: number): Promise<void> {
    const value = JSON.stringify({ ...entry, expiresAt: Date.now() + ttlMs });
    await this.redis.multi().hSet(keyOf(workspaceId), key, value).pExpire(keyOf(workspaceId), ttlMs * 2).exec();
  }

  async remove(workspaceId: string, key: string): Promise<void> {
    await this.redis.hDel(keyOf(workspaceId), key);
  }

  async list(workspaceId: string): Promise<PresenceEntry[]> {
    const all = await this.redis.hGetAll(keyOf(workspaceId));
    const now = Date.now();
    const live: PresenceEntry[] = [];
    const expired: string[] = [];
    for (const [field, raw] of Object.entries(all)) {
      try {
        const v = JSON.parse(raw) as PresenceEntry & { expiresAt: number };
        if (v.expiresAt > now) live.push({ user: v.user, documentId: v.documentId, since: v.since });
        else expired.push(field);
      } catch {
        expired.push(field);
      }
    }
    if (expired.length > 0) await this.redis.hDel(keyOf(workspaceId), expired);
    return collapsePresence(live);
  }
}
