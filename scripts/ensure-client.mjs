// `npm start` builds the web client once when no build exists yet, so a fresh clone
// needs only `npm install && npm start`.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync(new URL('../dist/client/index.html', import.meta.url))) {
  process.stderr.write('Building the web client (first start)…\n');
  execSync('npx vite build', { stdio: 'inherit' });
}
