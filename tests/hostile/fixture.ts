import { afterAll, beforeAll } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { measure, timed } from './measure';

export interface HostileFixture {
  server: ChildServer;
  wsUrl: string;
  target: { token: string; documentId: string; workspaceId: string; userId: string };
  other: { token: string; documentId: string; workspaceId: string; userId: string };
  honest: Array<{ doc: Y.Doc; provider: WebsocketProvider }>;
  raws: RawYjsClient[];
  attacker(documentId?: string, token?: string): Promise<RawYjsClient>;
  honestEdit(which?: 0 | 2, mark?: string): Promise<number>;
  honestKeys(which: 0 | 2): string[];
  /** The server's longest stall while honest clients edit: what this machine does anyway. */
  baselineStallMs(): Promise<number>;
}

/**
 * A server in its own process (so its event loop and memory are measured apart from the
 * attacker's, see measure.ts), a target
 * document and an unrelated one, each with two honest stock clients whose edits must keep
 * flowing whatever the attacker does.
 */
export function hostileFixture(env: Record<string, string> = {}): HostileFixture {
  const f: HostileFixture = {
    server: null as unknown as ChildServer,
    wsUrl: '',
    target: { token: '', documentId: '', workspaceId: '', userId: '' },
    other: { token: '', documentId: '', workspaceId: '', userId: '' },
    honest: [] as Array<{ doc: Y.Doc; provider: WebsocketProvider }>,
    raws: [] as RawYjsClient[],
    async attacker(documentId = f.target.documentId, token = f.target.token): Promise<RawYjsClient> {
      const c = await RawYjsClient.open(f.wsUrl, documentId, token);
      f.raws.push(c);
      return c;
    },
    /** An honest edit on the target (which = 0) or the other document (2), seen by its peer. */
    async honestEdit(which: 0 | 2 = 0, mark = `m${Math.random()}`): Promise<number> {
      const [writer, reader] = [f.honest[which]!, f.honest[which + 1]!];
      return timed(async () => {
        writer.doc.getMap('honest').set(mark, true);
        await waitFor(() => reader.doc.getMap('honest').get(mark) === true, 10_000, 'honest edit');
      });
    },
    async baselineStallMs() {
      // As long as an attack takes, so that the machine's own hiccups show up here too.
      const m = await measure(f.server.url, async () => {
        const until = Date.now() + 2_000;
        for (let i = 0; Date.now() < until; i++) await f.honestEdit(i % 2 === 0 ? 0 : 2);
      });
      return m.stallMs;
    },
    /** Every honest edit made so far is on both peers of both documents. */
    honestKeys(which: 0 | 2): string[] {
      return [...f.honest[which + 1]!.doc.getMap('honest').keys()].sort();
    },
  };
  beforeAll(async () => {
    f.server = await startChildServer({ DATA_DIR: tempDataDir(), LOG_LEVEL: 'warn', ROOM_GRACE_MS: '200', ...env });
    f.wsUrl = f.server.wsUrl;
    f.target = await createDocumentFor(f.server.url);
    f.other = await createDocumentFor(f.server.url);
    for (const d of [f.target, f.target, f.other, f.other]) {
      f.honest.push(connectClient(f.wsUrl, d.documentId, { token: d.token }));
    }
    await Promise.all(f.honest.map((c) => synced(c.provider)));
    // Warm the server up (JIT, first room loads) so the first measured attack is not charged for it.
    for (let i = 0; i < 20; i++) await f.honestEdit(i % 2 === 0 ? 0 : 2);
    (await f.attacker()).close();
  });
  afterAll(async () => {
    for (const r of f.raws) r.close();
    for (const c of f.honest) c.provider.destroy();
    f.server?.process.kill('SIGKILL');
  });
  return f;
}
