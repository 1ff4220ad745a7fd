// `npm start` builds what is missing or older than its sources — the web client (vite) and
// the server bundle (esbuild) — so a fresh clone (and a pull) needs only `npm install && npm start`.
// In a production image both are prebuilt and the sources are absent: nothing is rebuilt.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), s.mtimeMs);
}

function stale(output, sources) {
  const present = sources.map((p) => join(root, p)).filter(existsSync);
  if (present.length === 0) return false;
  const built = join(root, output);
  return !existsSync(built) || Math.max(...present.map(newest)) > statSync(built).mtimeMs;
}

if (stale('dist/client/index.html', ['client', 'shared', 'vite.config.ts'])) {
  process.stderr.write('Building the web client…\n');
  execSync('npx vite build', { cwd: root, stdio: 'inherit' });
}
if (stale('dist/server/main.js', ['server', 'shared', 'scripts/backup.ts', 'scripts/db-copy.ts', 'scripts/build-server.mjs', 'package-lock.json'])) {
  process.stderr.write('Building the server…\n');
  execSync('node scripts/build-server.mjs', { cwd: root, stdio: 'inherit' });
}
