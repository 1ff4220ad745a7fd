import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-test-'));
}

/** The real server in this process, on a random port with its own data directory. */
export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ROOM_GRACE_MS: '200', ...env });
  const server = await startServer(config);
  return Object.assign(server, { dataDir });
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

/** The real server as a child process, so that a test can SIGTERM or SIGKILL it. */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('\n')}`)), 20_000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        logs.push(line);
        if (logs.length > 500) logs.shift();
        try {
          const entry = JSON.parse(line) as { event?: string; port?: number };
          if (entry.event === 'server.listening' && entry.port) {
            clearTimeout(timer);
            resolve(entry.port);
          }
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${logs.join('\n')}`));
    });
  });
  return { process: child, port, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/sync`, logs, exited };
}
