import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { mergeHistograms } from './histogram';
import type {
  ActivityResult,
  ClientSpec,
  CollectResult,
  ConnectResult,
  ConvergeResult,
  WorkerRequest,
  WorkerResponse,
} from './ipc';

const WORKER = path.join(import.meta.dirname, 'worker.ts');

/** One client worker process and its request/answer channel. */
export class ClientWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  readonly ready: Promise<void>;

  constructor(readonly child: ChildProcess) {
    let markReady!: () => void;
    this.ready = new Promise((r) => (markReady = r));
    child.on('message', (res: WorkerResponse) => {
      if (res.id === 0) return markReady();
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.ok) p.resolve(res.result);
      else p.reject(new Error(`worker ${child.pid}: ${res.error}`));
    });
    child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`worker ${child.pid} exited (${code})`));
      this.pending.clear();
    });
  }

  request<T>(req: WorkerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve, reject });
      this.child.send({ id, req });
    });
  }
}

/**
 * K load-generator processes. Client i lives in worker i mod K, so writers and readers
 * are spread evenly whatever the counts.
 */
export class WorkerPool {
  private constructor(private readonly workers: ClientWorker[]) {}

  static async start(count: number): Promise<WorkerPool> {
    const workers = Array.from({ length: count }, () => {
      const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new ClientWorker(child);
    });
    await Promise.all(workers.map((w) => w.ready));
    return new WorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  get pids(): number[] {
    return this.workers.map((w) => w.child.pid!);
  }

  first(): ClientWorker {
    return this.workers[0]!;
  }

  private owner(clientId: number): number {
    return clientId % this.workers.length;
  }

  /** Opens every client at the same moment across workers; answers when all synced. */
  async connect(clients: ClientSpec[], timeoutMs: number, startInMs = 300): Promise<{ startAt: number } & ConnectResult> {
    const startAt = performance.timeOrigin + performance.now() + startInMs;
    const parts = this.workers.map((_, w) => clients.filter((c) => this.owner(c.id) === w));
    const results = await Promise.all(
      this.workers.map((w, i) => (parts[i]!.length ? w.request<ConnectResult>({ op: 'connect', clients: parts[i]!, startAt, timeoutMs }) : Promise.resolve(null))),
    );
    const done = results.filter((r): r is ConnectResult => r !== null);
    return {
      startAt,
      firstSyncedAt: Math.min(...done.map((r) => r.firstSyncedAt)),
      lastSyncedAt: Math.max(...done.map((r) => r.lastSyncedAt)),
      failed: done.reduce((n, r) => n + r.failed, 0),
    };
  }

  async activity(opts: { writers: number[]; editsPerSecond: number; cursorMovesPerSecond: number; durationMs: number; startInMs?: number }): Promise<ActivityResult> {
    const startAt = performance.timeOrigin + performance.now() + (opts.startInMs ?? 300);
    const results = await Promise.all(
      this.workers.map((w, i) =>
        w.request<ActivityResult>({
          op: 'activity',
          writers: opts.writers.filter((id) => this.owner(id) === i),
          editsPerSecond: opts.editsPerSecond,
          cursorMovesPerSecond: opts.cursorMovesPerSecond,
          durationMs: opts.durationMs,
          startAt,
        }),
      ),
    );
    return {
      editsSent: results.reduce((n, r) => n + r.editsSent, 0),
      cursorMoves: results.reduce((n, r) => n + r.cursorMoves, 0),
      maxScheduleLagMs: Math.max(...results.map((r) => r.maxScheduleLagMs)),
    };
  }

  async converge(totalEdits: number, timeoutMs: number): Promise<ConvergeResult> {
    const results = await Promise.all(this.workers.map((w) => w.request<ConvergeResult>({ op: 'converge', totalEdits, timeoutMs })));
    return {
      complete: results.reduce((n, r) => n + r.complete, 0),
      incomplete: results.reduce((n, r) => n + r.incomplete, 0),
      minEdits: Math.min(...results.map((r) => r.minEdits)),
      maxEdits: Math.max(...results.map((r) => r.maxEdits)),
      stateVectors: [...new Set(results.flatMap((r) => r.stateVectors))],
    };
  }

  async resetCounters(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ op: 'resetCounters' })));
  }

  async collect(): Promise<CollectResult> {
    const results = await Promise.all(this.workers.map((w) => w.request<CollectResult>({ op: 'collect' })));
    return {
      latency: mergeHistograms(results.map((r) => r.latency)),
      observedEdits: results.reduce((n, r) => n + r.observedEdits, 0),
      framesIn: results.reduce((n, r) => n + r.framesIn, 0),
      bytesIn: results.reduce((n, r) => n + r.bytesIn, 0),
      awarenessEntriesIn: results.reduce((n, r) => n + r.awarenessEntriesIn, 0),
      cpuSeconds: results.reduce((n, r) => n + r.cpuSeconds, 0),
    };
  }

  async disconnectAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request({ op: 'disconnectAll' })));
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null) return resolve();
            w.child.once('exit', () => resolve());
            w.child.disconnect();
            setTimeout(() => w.child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  }
}
