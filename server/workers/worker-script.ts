import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What a worker pool (piscina) needs to start one of our worker modules. */
export interface WorkerScript {
  filename: string;
  workerData?: { sourceModule: string };
}

/**
 * Where the worker `name` (a module beside the caller, `dir` being the caller's
 * import.meta.dirname) is found. A bundled build (scripts/build-server.mjs) ships it as
 * plain JavaScript beside main.js, where every bundled module's dirname points; from
 * source (npm run dev, tests) a small entry registers tsx in the thread and imports the
 * TypeScript module named in workerData.
 */
export function workerScript(dir: string, name: string): WorkerScript {
  const bundled = path.join(dir, `${name}.js`);
  if (fs.existsSync(bundled)) return { filename: bundled };
  return {
    filename: path.join(import.meta.dirname, 'ts-worker-entry.mjs'),
    workerData: { sourceModule: pathToFileURL(path.join(dir, `${name}.ts`)).href },
  };
}
