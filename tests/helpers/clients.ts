import { vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

// Each stock provider adds a process 'exit' listener; tests open dozens at once.
process.setMaxListeners(200);

/** A stock y-websocket client, as CONTRACT §3 shows it. */
export function connectClient(
  wsUrl: string,
  documentId: string,
  opts: { token?: string; doc?: Y.Doc; connect?: boolean } = {},
): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: opts.token ? { token: opts.token } : {},
    connect: opts.connect ?? true,
    disableBc: true,
    maxBackoffTime: 200,
  });
  return { doc, provider };
}

export function synced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Waits until `predicate` holds (vitest's `vi.waitFor`, checking every 10 ms up to a deadline). */
export async function waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  await vi.waitFor(
    () => {
      if (!predicate()) throw new Error(`timed out waiting for ${what}`);
    },
    { timeout: timeoutMs, interval: 10 },
  );
}

export function destroyAll(...providers: WebsocketProvider[]): void {
  for (const p of providers) {
    p.destroy();
  }
}
