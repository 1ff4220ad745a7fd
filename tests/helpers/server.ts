import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';
import { freePort } from './redis';
import { databaseFor } from './postgres';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-test-'));
}

/** Tests register many people from 127.0.0.1; the throttle's own test sets its limit back. */
export const TEST_LIMITS = { REGISTRATIONS_PER_ADDRESS: '100000' };

/** The real server in this process, on a random port with its own data directory. */
export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const store = await storeEnv(dataDir, env);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ROOM_GRACE_MS: '200', ...TEST_LIMITS, ...store, ...env });
  const server = await startServer(config);
  return Object.assign(server, { dataDir });
}

/**
 * In the `postgres` test project (TEST_STORE=postgres) every server keeps its documents in
 * PostgreSQL: one database per data directory, so a restarted server finds its content.
 */
async function storeEnv(dataDir: string | undefined, env: Record<string, string>): Promise<Record<string, string>> {
  if (process.env.TEST_STORE !== 'postgres' || env.DATABASE_URL || !dataDir) return {};
  return { DATABASE_URL: await databaseFor(path.resolve(dataDir)) };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildServer {
  process: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  logs: string[];
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
}

/**
 * The real server as a child process, so that a test can SIGTERM or SIGKILL it. It gets a
 * free port chosen here and counts as started once /healthz answers, whatever LOG_LEVEL is.
 */
export async function startChildServer(env: Record<string, string>, opts: { bundle?: string } = {}): Promise<ChildServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const store = await storeEnv(env.DATA_DIR, env);
  // `bundle`: a built main.js (scripts/build-server.mjs), run by plain node as `npm start` does.
  const args = opts.bundle ? [opts.bundle] : ['--import', 'tsx', path.join(ROOT, 'server/main.ts')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...TEST_LIMITS, ...store, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      logs.push(line);
      if (logs.length > 500) logs.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (gone) throw new Error(`server exited before it answered:\n${logs.join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz:\n${logs.join('\n')}`);
    }
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { process: child, port, url, wsUrl: `ws://127.0.0.1:${port}/sync`, logs, exited };
}
