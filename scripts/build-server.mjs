// Bundles the server (and the operator scripts) into dist/server with esbuild: `npm start`
// then runs plain `node`, with no TypeScript compiler in memory. Packages stay external —
// native modules (better-sqlite3) and pg load from node_modules as usual.
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
// Another directory (relative to the repository) for tests that run a bundle of their own.
const outdir = process.argv[2] ?? 'dist/server';

await build({
  absWorkingDir: root,
  // Worker pools load their worker's .js from beside main.js (server/workers/worker-script.ts).
  entryPoints: {
    main: 'server/main.ts',
    'export-worker': 'server/export/export-worker.ts',
    'compaction-worker': 'server/storage/compaction-worker.ts',
    backup: 'scripts/backup.ts',
    'db-copy': 'scripts/db-copy.ts',
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  splitting: true,
  logLevel: 'warning',
});
