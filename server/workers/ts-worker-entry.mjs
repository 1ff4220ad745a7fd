// Entry of every worker thread while the server runs from TypeScript (npm start from
// source, npm run dev, tests): a worker thread does not inherit every loader of its parent
// (vitest's, for one), so it registers tsx itself before importing the module that
// worker-script.ts named. A bundled build ships each worker as .js and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const worker = await import(workerData.sourceModule);
export default worker.default;
