// The export pool's worker entry while the server runs from TypeScript (npm start, npm run
// dev, tests): a worker thread does not inherit every loader of its parent (vitest's, for
// one), so it registers tsx itself before importing the worker. A bundled build ships
// export-worker.js beside the pool instead and never loads this file.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./export-worker.ts');
export default worker.default;
