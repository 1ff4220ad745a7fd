import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ClientSpec } from './ipc';

const ROOT = path.resolve(import.meta.dirname, '..');

/** A document on a target: the room and query params a client opens it with. */
export type DocumentRef = Pick<ClientSpec, 'room' | 'params'>;

/** A server under test, running as its own process. */
export interface RunningTarget {
  name: TargetName;
  pid: number;
  /** The provider's serverUrl; it changes when the target restarts. */
  wsUrl: string;
  /** Hocuspocus frames differ from y-websocket's (bench/hocuspocus-framing.ts). */
  framing?: 'hocuspocus';
  /** Documents for a scenario; `count` of them, in one place the bench user may write. */
  prepareDocuments(label: string, count: number): Promise<DocumentRef[]>;
  /** Restarts the process on the same data (only targets that keep data have it). */
  restart?(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The peers are the reference `@y/websocket-server` and Hocuspocus; `baseline` is our server
 * from another checkout (BENCH_BASELINE_ROOT), for before/after in one run; `unhardened` is
 * ours with the hostile-client limits and board rules off (BENCH_UNHARDENED), to price them.
 */
export const TARGET_NAMES = ['stadskamer', 'reference', 'hocuspocus', 'baseline', 'unhardened'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export function startTarget(name: TargetName): Promise<RunningTarget> {
  if (name === 'reference') return startReference();
  if (name === 'hocuspocus') return startHocuspocus();
  if (name === 'stadskamer') return startStadskamer(ROOT, name);
  if (name === 'unhardened') return startStadskamer(ROOT, name, { BENCH_UNHARDENED: '1' });
  const root = process.env.BENCH_BASELINE_ROOT;
  if (!root) throw new Error('the baseline target needs BENCH_BASELINE_ROOT (a checkout of the code to compare with)');
  return startStadskamer(path.resolve(root), name);
}

/** Every server this process started and has not yet seen exit: killed if the bench dies. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

interface ServerProcess {
  child: ChildProcess;
  port: number;
}

/** Spawns node on a script and waits until a stdout line says it listens. */
function spawnServer(args: string[], env: Record<string, string>, listening: (line: string) => number | null, cwd = ROOT): Promise<ServerProcess> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the servers under test;
  // BENCH_SERVER_LOG=file keeps their log lines.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${tail.join('\n')}`)), 30_000);
    let buffered = '';
    let started = false;
    // The output is read to the end even after start: a full pipe would stall the server.
    const logFile = process.env.BENCH_SERVER_LOG;
    child.stdout.on('data', (chunk: Buffer) => {
      if (logFile) fs.appendFileSync(logFile, chunk);
      if (started) return;
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        tail.push(line);
        const port = listening(line);
        if (port !== null) {
          started = true;
          clearTimeout(timer);
          resolve({ child, port });
          return;
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      tail.push(chunk.toString());
      if (started) process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`server exited (${code}) before listening:\n${tail.join('\n')}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Bundles built this run, per checkout (one build serves every scenario). */
const bundles = new Map<string, string>();

/**
 * The production build of a checkout (scripts/build-server.mjs), as `npm start` runs it:
 * plain node on bundled JavaScript, no TypeScript loader in memory. Built inside the
 * checkout so it finds that checkout's node_modules; BENCH_FROM_SOURCE=1 runs server/main.ts
 * through tsx instead.
 */
function serverArgs(root: string): string[] {
  if (process.env.BENCH_FROM_SOURCE === '1') return ['--import', 'tsx', path.join(root, 'server/main.ts')];
  let main = bundles.get(root);
  if (!main) {
    const outdir = path.join('dist', `bench-server-${process.pid}`);
    execFileSync(process.execPath, ['scripts/build-server.mjs', outdir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    main = path.join(root, outdir, 'main.js');
    bundles.set(root, main);
    process.once('exit', () => fs.rmSync(path.dirname(main!), { recursive: true, force: true }));
  }
  return [main];
}

async function startStadskamer(root: string, name: TargetName, extraEnv: Record<string, string> = {}): Promise<RunningTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-bench-'));
  const args = serverArgs(root);
  // node itself runs the server (not an npx/tsx wrapper), so the pid is the one to measure.
  const launch = () =>
    spawnServer(
      args,
      // Every bench client is one user on one address: the per-user and per-address socket
      // caps (50 / 200) and the per-address connection cap (512) would refuse most of a
      // 500-client room and half of the 1,000 idle connections.
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        SOCKETS_PER_USER: '100000',
        SOCKETS_PER_ADDRESS: '100000',
        MAX_CONNECTIONS_PER_ADDRESS: '100000',
        ...extraEnv,
      },
      (line) => {
        try {
          const entry = JSON.parse(line) as { event?: string; port?: number };
          return entry.event === 'server.listening' && entry.port ? entry.port : null;
        } catch {
          return null;
        }
      },
      root,
    );
  let proc = await launch();
  const api = new StadskamerApi(() => `http://127.0.0.1:${proc.port}`);
  const target: RunningTarget = {
    name,
    get pid() {
      return proc.child.pid!;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${proc.port}/sync`;
    },
    async prepareDocuments(label, count) {
      const params = await api.params();
      const ids = await api.createDocuments(label, count);
      return ids.map((room) => ({ room, params }));
    },
    async restart() {
      await stopProcess(proc.child);
      proc = await launch();
    },
    async stop() {
      await stopProcess(proc.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return target;
}

/**
 * The bench's way into our server. Once the REST API of CONTRACT §2 exists it registers a
 * user and creates real documents; while it does not (404), any well-formed id is a room.
 */
class StadskamerApi {
  private session: { token: string | null; workspaceId: string | null } | null = null;

  constructor(private readonly base: () => string) {}

  private async call(method: string, p: string, body: unknown, token: string | null): Promise<Response> {
    return fetch(`${this.base()}${p}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  }

  private async ensureSession(): Promise<{ token: string | null; workspaceId: string | null }> {
    if (this.session) return this.session;
    const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
    const reg = await this.call('POST', '/api/auth/register', { email, password: 'bench-password-123', name: 'Bench', organization: 'Kenniscentrum Vlaamse Steden' }, null);
    if (reg.status === 404) {
      this.session = { token: null, workspaceId: null };
      return this.session;
    }
    if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${await reg.text()}`);
    const { token } = (await reg.json()) as { token: string };
    const ws = await this.call('POST', '/api/workspaces', { name: 'Benchmark' }, token);
    if (ws.status !== 201) throw new Error(`workspace creation failed: ${ws.status} ${await ws.text()}`);
    const { workspace } = (await ws.json()) as { workspace: { id: string } };
    this.session = { token, workspaceId: workspace.id };
    return this.session;
  }

  async params(): Promise<Record<string, string>> {
    const { token } = await this.ensureSession();
    return token ? { token } : {};
  }

  async createDocuments(label: string, count: number): Promise<string[]> {
    const { token, workspaceId } = await this.ensureSession();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      if (!token || !workspaceId) {
        ids.push(`bench-${label}-${i}-${Math.random().toString(36).slice(2, 8)}`);
        continue;
      }
      const res = await this.call('POST', `/api/workspaces/${workspaceId}/documents`, { title: `${label} ${i}`, kind: 'note' }, token);
      if (res.status !== 201) throw new Error(`document creation failed: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { document: { id: string } }).document.id);
    }
    return ids;
  }
}

/** `@y/websocket-server` 0.1.1 exactly as its bin runs it: in memory, no persistence. */
async function startReference(): Promise<RunningTarget> {
  const port = await freePort();
  const script = path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
  const proc = await spawnServer([script], { HOST: '127.0.0.1', PORT: String(port) }, (line) => (line.startsWith('running at') ? port : null));
  return {
    name: 'reference',
    pid: proc.child.pid!,
    wsUrl: `ws://127.0.0.1:${port}`,
    async prepareDocuments(label, count) {
      return Array.from({ length: count }, (_, i) => ({ room: `bench-${label}-${i}`, params: {} }));
    },
    stop: () => stopProcess(proc.child),
  };
}

/** `@hocuspocus/server`, pinned, with no extensions: in memory like the reference (bench/hocuspocus-server.mjs). */
async function startHocuspocus(): Promise<RunningTarget> {
  const proc = await spawnServer([path.join(ROOT, 'bench/hocuspocus-server.mjs')], { HOST: '127.0.0.1', PORT: '0' }, (line) => {
    const m = /^running at (\d+)$/.exec(line);
    return m ? Number(m[1]) : null;
  });
  return {
    name: 'hocuspocus',
    pid: proc.child.pid!,
    wsUrl: `ws://127.0.0.1:${proc.port}`,
    framing: 'hocuspocus',
    async prepareDocuments(label, count) {
      return Array.from({ length: count }, (_, i) => ({ room: `bench-${label}-${i}`, params: {} }));
    },
    stop: () => stopProcess(proc.child),
  };
}
