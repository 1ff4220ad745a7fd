/**
 * Which documents of which workspace this browser keeps an offline copy of (y-indexeddb,
 * one database per person and document), so that a person removed from a workspace can
 * have every copy of that workspace's documents wiped, not only the one on screen.
 */
const INDEX_KEY = (userId: string) => `stadskamer.offline.${userId}`;

/** The y-indexeddb database name of one person's copy of one document (see CollabSession). */
export function offlineDbName(userId: string, documentId: string): string {
  return `stadskamer:${userId}:${documentId}`;
}

function readIndex(userId: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(INDEX_KEY(userId)) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function writeIndex(userId: string, index: Record<string, string>): void {
  try {
    localStorage.setItem(INDEX_KEY(userId), JSON.stringify(index));
  } catch {
    // Storage full or unavailable: the copy on screen is still cleared by itself.
  }
}

export function rememberOfflineCopy(userId: string, documentId: string, workspaceId: string): void {
  const index = readIndex(userId);
  if (index[documentId] === workspaceId) return;
  index[documentId] = workspaceId;
  writeIndex(userId, index);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    // "blocked" means a connection is still open; the delete completes once it closes.
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

export async function clearOfflineCopy(userId: string, documentId: string): Promise<void> {
  await deleteDatabase(offlineDbName(userId, documentId));
}

/** Deletes this person's offline copies of every document of `workspaceId`; returns how many. */
export async function clearWorkspaceCopies(userId: string, workspaceId: string): Promise<number> {
  const index = readIndex(userId);
  const ids = Object.keys(index).filter((id) => index[id] === workspaceId);
  await Promise.all(ids.map((id) => deleteDatabase(offlineDbName(userId, id))));
  for (const id of ids) delete index[id];
  writeIndex(userId, index);
  return ids.length;
}
