import * as Y from 'yjs';
import { closeClient, counters, currentSocket, openClient, whenSynced, type BenchClient } from './bench-client';
import {
  now,
  type ActivityResult,
  type ClientSpec,
  type ColdLoadSample,
  type CollectResult,
  type ConnectResult,
  type ConvergeResult,
  type ProbeResult,
  type SeedResult,
  type WorkerRequest,
  type WorkerResponse,
} from './ipc';
import { fillParagraphs, paragraphCount } from './text-document';

/**
 * A load-generator process: many stock y-websocket clients, driven by the bench parent
 * over IPC. It never shares an event loop with the server it measures.
 */
const clients = new Map<number, BenchClient>();
// Each stock provider adds a process 'exit' listener in Node; hundreds are expected here.
process.setMaxListeners(0);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'connect':
      return connect(req.clients, req.startAt, req.timeoutMs);
    case 'activity':
      return activity(req);
    case 'converge':
      return converge(req.totalEdits, req.timeoutMs);
    case 'resetCounters':
      counters.framesIn = 0;
      counters.bytesIn = 0;
      counters.awarenessEntriesIn = 0;
      counters.observedEdits = 0;
      counters.latency.reset();
      return null;
    case 'collect': {
      const usage = process.cpuUsage();
      const result: CollectResult = {
        latency: counters.latency.toData(),
        observedEdits: counters.observedEdits,
        framesIn: counters.framesIn,
        bytesIn: counters.bytesIn,
        awarenessEntriesIn: counters.awarenessEntriesIn,
        cpuSeconds: (usage.user + usage.system) / 1e6,
      };
      return result;
    }
    case 'probe':
      return probe(req.client, req.timeoutMs);
    case 'seed':
      return seed(req.client, req.paragraphs, req.timeoutMs);
    case 'coldLoad':
      return coldLoad(req.client, req.repeats, req.expectParagraphs, req.timeoutMs);
    case 'disconnectAll':
      for (const c of clients.values()) closeClient(c);
      clients.clear();
      return null;
  }
}

async function connect(specs: ClientSpec[], startAt: number, timeoutMs: number): Promise<ConnectResult> {
  await sleep(startAt - now());
  const opened = specs.map((spec) => {
    const c = openClient(spec, true);
    clients.set(spec.id, c);
    return c;
  });
  const results = await Promise.allSettled(opened.map((c) => whenSynced(c, timeoutMs)));
  const times = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  return {
    firstSyncedAt: Math.min(...times),
    lastSyncedAt: Math.max(...times),
    failed: results.length - times.length,
  };
}

/** Runs `fn` `count` times at fixed due times; a late tick runs at once, never skipped. */
async function onSchedule(startAt: number, periodMs: number, count: number, fn: () => void): Promise<number> {
  let maxLag = 0;
  for (let k = 0; k < count; k++) {
    const due = startAt + k * periodMs;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    maxLag = Math.max(maxLag, now() - due);
    fn();
  }
  return maxLag;
}

async function activity(req: WorkerRequest & { op: 'activity' }): Promise<ActivityResult> {
  let editsSent = 0;
  let cursorMoves = 0;
  const runs: Promise<number>[] = [];
  if (req.editsPerSecond > 0) {
    const period = 1000 / req.editsPerSecond;
    const count = Math.round((req.durationMs / 1000) * req.editsPerSecond);
    for (const id of req.writers) {
      const c = clients.get(id);
      if (!c) throw new Error(`writer ${id} is not a client of this worker`);
      // Spread writers over the period so that edits do not arrive in bursts.
      runs.push(
        onSchedule(req.startAt + Math.random() * period, period, count, () => {
          c.edits.set(`${id}.${c.seq++}`, now());
          editsSent++;
        }),
      );
    }
  }
  if (req.cursorMovesPerSecond > 0) {
    const period = 1000 / req.cursorMovesPerSecond;
    const count = Math.round((req.durationMs / 1000) * req.cursorMovesPerSecond);
    for (const c of clients.values()) {
      let pos = 0;
      runs.push(
        onSchedule(req.startAt + Math.random() * period, period, count, () => {
          pos = (pos + 7) % 1000;
          c.provider.awareness.setLocalStateField('cursor', { anchor: pos, head: pos + 3 });
          cursorMoves++;
        }),
      );
    }
  }
  const lags = await Promise.all(runs);
  return { editsSent, cursorMoves, maxScheduleLagMs: Math.max(0, ...lags) };
}

async function converge(totalEdits: number, timeoutMs: number): Promise<ConvergeResult> {
  const deadline = now() + timeoutMs;
  const done = () => [...clients.values()].every((c) => c.edits.size >= totalEdits);
  while (!done() && now() < deadline) await sleep(25);
  const sizes = [...clients.values()].map((c) => c.edits.size);
  const complete = sizes.filter((s) => s === totalEdits).length;
  return {
    complete,
    incomplete: sizes.length - complete,
    minEdits: Math.min(...sizes),
    maxEdits: Math.max(...sizes),
    stateVectors: [...new Set([...clients.values()].map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64')))],
  };
}

async function probe(spec: ClientSpec, timeoutMs: number): Promise<ProbeResult> {
  const c = openClient(spec, false);
  try {
    await whenSynced(c, timeoutMs);
    return { stateVector: Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'), edits: c.edits.size };
  } finally {
    closeClient(c);
  }
}

/** Keeps the seeding client connected, so the document stays loaded on both servers. */
async function seed(spec: ClientSpec, paragraphs: number, timeoutMs: number): Promise<SeedResult> {
  const c = openClient(spec, false);
  fillParagraphs(c.doc, paragraphs);
  clients.set(spec.id, c);
  await whenSynced(c, timeoutMs);
  // Synced means we have the server's state; the server has ours once a fresh client sees it.
  const deadline = now() + timeoutMs;
  for (;;) {
    const check = openClient({ ...spec, id: -1 }, false);
    try {
      await whenSynced(check, timeoutMs);
      if (paragraphCount(check.doc) === paragraphs) break;
    } finally {
      closeClient(check);
    }
    if (now() > deadline) throw new Error('the server never held the seeded document');
    await sleep(100);
  }
  return { bytes: Y.encodeStateAsUpdate(c.doc).byteLength };
}

async function coldLoad(spec: ClientSpec, repeats: number, expectParagraphs: number, timeoutMs: number): Promise<ColdLoadSample[]> {
  const samples: ColdLoadSample[] = [];
  for (let i = 0; i < repeats; i++) {
    const c = openClient({ ...spec, id: -2 - i }, false);
    try {
      const syncedAt = await whenSynced(c, timeoutMs);
      const ws = currentSocket(c);
      if (!ws || ws.step2At === 0) throw new Error('no sync step 2 frame was seen');
      const paragraphs = paragraphCount(c.doc);
      if (paragraphs !== expectParagraphs) throw new Error(`fresh client got ${paragraphs} of ${expectParagraphs} paragraphs`);
      samples.push({ receivedMs: ws.step2At - ws.openedAt, syncedMs: syncedAt - ws.openedAt, frameBytes: ws.step2Bytes, paragraphs });
    } finally {
      closeClient(c);
    }
    await sleep(200);
  }
  return samples;
}

process.on('message', (msg: { id: number; req: WorkerRequest }) => {
  handle(msg.req).then(
    (result) => send({ id: msg.id, ok: true, result: result ?? null }),
    (err: unknown) => send({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));

function send(res: WorkerResponse): void {
  process.send?.(res);
}

// Tell the parent the module graph is loaded and IPC is listening.
send({ id: 0, ok: true, result: 'ready' });
