import { collapsePresence, type PresenceEntry, type PresenceStore } from './presence-store';

/** Presence of a single instance, in memory. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly workspaces = new Map<string, Map<string, { entry: PresenceEntry; expiresAt: number }>>();

  async put(workspaceId: string, key: string, entry: PresenceEntry, ttlMs: number): Promise<void> {
    let ws = this.workspaces.get(workspaceId);
    if (!ws) this.workspaces.set(workspaceId, (ws = new Map<string, { entry: PresenceEntry; expiresAt: number }>()));
    ws.set(key, { entry, expiresAt: Date.now() + ttlMs });
  }

  async remove(workspaceId: string, key: string): Promise<void> {
    const ws = this.workspaces.get(workspaceId);
    ws?.delete(key);
    if (ws?.size === 0) this.workspaces.delete(workspaceId);
  }

  async list(workspaceId: string): Promise<PresenceEntry[]> {
    const now = Date.now();
    const ws = this.workspaces.get(workspaceId);
    if (!ws) return [];
    const live: PresenceEntry[] = [];
    for (const [key, v] of ws) {
      if (v.expiresAt > now) live.push(v.entry);
      else ws.delete(key);
    }
    return collapsePresence(live);
  }
}
