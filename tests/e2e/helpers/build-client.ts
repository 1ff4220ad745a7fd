import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const INDEX = path.join(ROOT, 'dist/client/index.html');
const LOCK = path.join(ROOT, 'dist/.client-build.lock');
const SOURCES = ['client', 'shared', 'vite.config.ts'].map((p) => path.join(ROOT, p));

function newestMtime(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function isStale(): boolean {
  const built = fs.statSync(INDEX, { throwIfNoEntry: false });
  return !built || newestMtime(SOURCES[0]!) > built.mtimeMs || SOURCES.slice(1).some((s) => newestMtime(s) > built.mtimeMs);
}

/**
 * The browser tests drive the built client the server serves, so it must match the
 * sources. Builds when anything is newer than the last build; a lock directory keeps two
 * test files from building into dist/client at the same time.
 */
export async function ensureClientBuilt(): Promise<void> {
  if (!isStale()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another file is building: wait for it, then check again.
      if (Date.now() > deadline) throw new Error(`client build lock ${LOCK} held for two minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!isStale()) return;
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
