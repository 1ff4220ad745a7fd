import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { createDocumentFor } from '../helpers/api';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { roundTrip } from '../helpers/barrier';

const started: ChildServer[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.process.kill('SIGKILL');
});

async function child(dataDir: string): Promise<ChildServer> {
  const s = await startChildServer({ DATA_DIR: dataDir });
  started.push(s);
  return s;
}

/** A writes numbers as fast as the socket takes them; B records what the server relayed. */
async function writeStormThenStop(signal: 'SIGTERM' | 'SIGKILL') {
  const dataDir = tempDataDir();
  const first = await child(dataDir);
  const { token, documentId } = await createDocumentFor(first.url);
  const writer = connectClient(first.wsUrl, documentId, { token });
  const observer = connectClient(first.wsUrl, documentId, { token });
  await Promise.all([synced(writer.provider), synced(observer.provider)]);

  const items = writer.doc.getArray<number>('items');
  let n = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < 20; i++) items.push([n++]);
  }, 5);
  await waitFor(() => observer.doc.getArray('items').length > 500, 10_000, 'relayed edits');

  first.process.kill(signal);
  const exit = await first.exited;
  clearInterval(timer);
  const seen = observer.doc.getArray<number>('items').toArray();
  writer.provider.destroy();
  observer.provider.destroy();

  const second = await child(dataDir);
  const reader = connectClient(second.wsUrl, documentId, { token });
  await synced(reader.provider);
  const stored = new Set(reader.doc.getArray<number>('items').toArray());
  reader.provider.destroy();
  return { exit, seen, stored };
}

describe('durability', () => {
  it('loses nothing another client received when the server is killed with SIGKILL', async () => {
    const { exit, seen, stored } = await writeStormThenStop('SIGKILL');
    expect(exit).toBe('SIGKILL');
    expect(seen.length).toBeGreaterThan(500);
    const missing = seen.filter((v) => !stored.has(v));
    expect(missing).toEqual([]);
  });

  it('shuts down cleanly on SIGTERM, closing sockets with 1001 and keeping every edit', async () => {
    const dataDir = tempDataDir();
    const s = await child(dataDir);
    const { token, documentId } = await createDocumentFor(s.url);
    const a = connectClient(s.wsUrl, documentId, { token });
    await synced(a.provider);
    a.doc.getText('t').insert(0, 'bewaard na herstart');
    const closeCode = new Promise<number>((resolve) =>
      a.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? -1)),
    );
    await roundTrip(a.provider); // the server has stored the edit before it is stopped
    s.process.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(await closeCode).toBe(1001);
    a.provider.destroy();

    const again = await child(dataDir);
    const b = connectClient(again.wsUrl, documentId, { token, doc: new Y.Doc() });
    await synced(b.provider);
    expect(b.doc.getText('t').toString()).toBe('bewaard na herstart');
    b.provider.destroy();
  });

  it('keeps everything seen through a SIGTERM write storm too', async () => {
    const { exit, seen, stored } = await writeStormThenStop('SIGTERM');
    expect(exit).toBe(0);
    expect(seen.filter((v) => !stored.has(v))).toEqual([]);
  });
});
