import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFor } from '../../server/storage/sql/migrate';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OPENER = path.join(import.meta.dirname, 'fixtures/open-database.ts');
const PROCESSES = 4;
const ROUNDS = 3;

interface Opener {
  ready: Promise<void>;
  done: Promise<{ code: number | null; version: number; err: string }>;
}

function opener(dataDir: string): Opener {
  const child = spawn(process.execPath, ['--import', 'tsx', OPENER, dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('ready\n')) onReady();
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<{ code: number | null; version: number; err: string }>((resolve) =>
    child.once('exit', (code) => {
      onReady();
      resolve({ code, version: Number(out.replace('ready\n', '')), err });
    }),
  );
  return { ready, done };
}

describe('two instances starting on a fresh data directory', () => {
  it(`all ${PROCESSES} processes migrate it together without failing, ${ROUNDS} times over`, { timeout: 120_000 }, async () => {
    const latest = Object.keys(migrationsFor('sqlite')).length;
    for (let round = 0; round < ROUNDS; round++) {
      const base = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-migrate-'));
      const dataDir = path.join(base, 'data');
      const runs = Array.from({ length: PROCESSES }, () => opener(dataDir));
      // Every process has loaded; now they all open the fresh directory at the same moment.
      await Promise.all(runs.map((r) => r.ready));
      fs.writeFileSync(path.join(base, 'go'), '');
      const results = await Promise.all(runs.map((r) => r.done));
      for (const r of results) {
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        expect(r.version).toBe(latest);
      }
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
