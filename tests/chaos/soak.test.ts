import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced } from '../helpers/clients';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { prng } from './fuzz-frames';

const SOAK_MS = Number(process.env.SOAK_MS ?? 5 * 60_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
let server: ChildServer | null = null;
afterAll(() => server?.process.kill('SIGKILL'));

function rssKiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('soak with connect/disconnect churn', () => {
  it(`keeps memory bounded over ${Math.round(SOAK_MS / 1000)} s`, async () => {
    server = await startChildServer({ DATA_DIR: tempDataDir(), ROOM_GRACE_MS: '1000' });
    const docs = await Promise.all(Array.from({ length: 10 }, () => createDocumentFor(server!.url)));
    const rand = prng(SEED);
    const samples: Array<{ t: number; rss: number }> = [];
    const started = Date.now();
    let sessions = 0;
    let live = 0;
    const sampler = setInterval(() => samples.push({ t: Date.now() - started, rss: rssKiB(server!.process.pid!) }), 2_000);

    // Each session: connect, sync, move a cursor, type a little, leave after about a second.
    const session = async () => {
      const d = docs[Math.floor(rand() * docs.length)]!;
      const c = connectClient(server!.wsUrl, d.documentId, { token: d.token });
      live++;
      try {
        await synced(c.provider);
        c.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 2 });
        c.doc.getText('t').insert(0, 'x');
        await new Promise((r) => setTimeout(r, 500 + rand() * 1000));
      } finally {
        c.provider.destroy();
        live--;
        sessions++;
      }
    };
    const running = new Set<Promise<void>>();
    while (Date.now() - started < SOAK_MS) {
      while (running.size < 20) {
        const p = session().finally(() => running.delete(p));
        running.add(p);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(running);
    clearInterval(sampler);

    const warm = samples.filter((s) => s.t > SOAK_MS * 0.2 && s.t <= SOAK_MS * 0.4).map((s) => s.rss);
    const late = samples.filter((s) => s.t > SOAK_MS * 0.8).map((s) => s.rss);
    const summary = { sessions, warmMedianKiB: median(warm), lateMedianKiB: median(late), maxKiB: Math.max(...samples.map((s) => s.rss)) };
    console.info(JSON.stringify(summary));
    expect(sessions).toBeGreaterThan(SOAK_MS / 200);
    expect(live).toBe(0);
    // No growth trend: the last fifth stays within a quarter (plus slack for the GC) of the warm phase.
    expect(summary.lateMedianKiB).toBeLessThan(summary.warmMedianKiB * 1.25 + 10 * 1024);
  });
});
