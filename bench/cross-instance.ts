// `npm run bench:redis`: propagation latency to clients on the same instance as the writer
// and to clients on a second instance behind Redis, in one run, so the difference is what
// the relay through Redis costs. Servers and Redis are child processes; clients live here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestRedis } from '../tests/helpers/redis';
import { connectClient, synced } from '../tests/helpers/clients';
import { startChildServer } from '../tests/helpers/server';
import { createDocumentFor } from '../tests/helpers/api';

const EDITS = Number(process.env.EDITS ?? 400);
const RATE = 20; // edits per second
const READERS = 5;

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main(): Promise<void> {
  const redis = await TestRedis.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-bench-redis-'));
  const env = { DATA_DIR: dataDir, REDIS_URL: redis.url, LOG_LEVEL: 'warn' };
  const one = await startChildServer({ ...env, INSTANCE_ID: 'one' });
  const two = await startChildServer({ ...env, INSTANCE_ID: 'two' });
  try {
    const { token, documentId } = await createDocumentFor(one.url);
    const writer = connectClient(one.wsUrl, documentId, { token: token });
    const same = Array.from({ length: READERS }, () => connectClient(one.wsUrl, documentId, { token: token }));
    const cross = Array.from({ length: READERS }, () => connectClient(two.wsUrl, documentId, { token: token }));
    await Promise.all([writer, ...same, ...cross].map((c) => synced(c.provider)));
    const latencies = { same: [] as number[], cross: [] as number[] };
    for (const [group, clients] of [['same', same], ['cross', cross]] as const) {
      for (const c of clients) {
        c.doc.getArray<number>('t').observe((e) => {
          const now = performance.timeOrigin + performance.now();
          for (const d of e.changes.delta) for (const v of (d.insert as number[] | undefined) ?? []) latencies[group].push(now - v);
        });
      }
    }
    const arr = writer.doc.getArray<number>('t');
    for (let i = 0; i < EDITS; i++) {
      arr.push([performance.timeOrigin + performance.now()]);
      await new Promise((r) => setTimeout(r, 1000 / RATE));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const row = (xs: number[]) => ({ n: xs.length, p50: +pct(xs, 0.5).toFixed(2), p95: +pct(xs, 0.95).toFixed(2), p99: +pct(xs, 0.99).toFixed(2) });
    const result = {
      edits: EDITS,
      readersPerGroup: READERS,
      sameInstanceMs: row(latencies.same),
      crossInstanceMs: row(latencies.cross),
      p50OverheadMs: +(pct(latencies.cross, 0.5) - pct(latencies.same, 0.5)).toFixed(2),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    for (const c of [writer, ...same, ...cross]) c.provider.destroy();
    if (result.crossInstanceMs.n !== EDITS * READERS || result.sameInstanceMs.n !== EDITS * READERS) {
      throw new Error('not every edit reached every reader');
    }
  } finally {
    one.process.kill('SIGKILL');
    two.process.kill('SIGKILL');
    await redis.kill();
  }
}

void main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
