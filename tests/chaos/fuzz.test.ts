import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDocumentFor } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { hostileFrames, type FrameKind } from './fuzz-frames';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const PARALLEL = 8;
const MAX = 256 * 1024;

// The server runs in its own process: the fuzzer gets the other core, and a crash would show as an exit.
let server: ChildServer;
let wsUrl: string;
let doc: { token: string; documentId: string };

beforeAll(async () => {
  server = await startChildServer({ DATA_DIR: tempDataDir(), MAX_MESSAGE_BYTES: String(MAX), LOG_LEVEL: 'error' });
  wsUrl = server.wsUrl;
  doc = await createDocumentFor(server.url);
});
afterAll(() => server?.process.kill('SIGKILL'));

/** Sync step 1 with an empty state vector: only this is answered with a step 2 ([0, 1, …]). */
const PROBE = new Uint8Array([0, 0, 1, 0]);

/**
 * One hostile socket: it sends a frame, then the probe. The probe's answer means the
 * frame was processed and accepted; a close means it was rejected. Either way it is
 * known that the server handled it before the next one goes out. (Broadcasts cannot be
 * mistaken for the answer: they are updates [0, 2, …] or awareness [1, …].)
 */
async function fuzzWorker(frames: Iterator<{ kind: FrameKind; frame: Uint8Array }>, budget: { left: number }, tally: Map<string, number>) {
  let ws: WebSocket | null = null;
  while (budget.left > 0) {
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      ws = new WebSocket(`${wsUrl}/${doc.documentId}?token=${doc.token}`);
      await new Promise<void>((resolve, reject) => {
        ws!.once('open', () => resolve());
        ws!.once('error', reject);
      });
    }
    // Other workers may have spent the budget while this one connected.
    if (budget.left <= 0) break;
    const { kind, frame } = frames.next().value!;
    budget.left--;
    const socket = ws;
    // A hostile frame that is itself a valid step 1 earns an answer of its own.
    let answersDue = frame[0] === 0 && frame[1] === 0 ? 2 : 1;
    const outcome = await new Promise<'accepted' | 'closed'>((resolve) => {
      const onMessage = (data: Buffer) => {
        if (data[0] !== 0 || data[1] !== 1) return; // not an answer to a step 1
        if (--answersDue > 0) return;
        cleanup();
        resolve('accepted');
      };
      const onClose = () => {
        cleanup();
        resolve('closed');
      };
      const cleanup = () => {
        socket.off('message', onMessage);
        socket.off('close', onClose);
      };
      socket.on('message', onMessage);
      socket.once('close', onClose);
      socket.send(frame);
      if (socket.readyState === WebSocket.OPEN) socket.send(PROBE);
    });
    tally.set(`${kind}:${outcome}`, (tally.get(`${kind}:${outcome}`) ?? 0) + 1);
  }
  ws?.terminate();
}

describe(`seeded fuzzer (seed ${SEED})`, () => {
  it(`survives ${FRAMES} hostile frames with other clients and the document unharmed`, async () => {
    const a = connectClient(wsUrl, doc.documentId, { token: doc.token });
    const b = connectClient(wsUrl, doc.documentId, { token: doc.token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    let disconnects = 0;
    for (const p of [a.provider, b.provider]) p.on('status', (e: { status: string }) => e.status === 'disconnected' && disconnects++);
    a.doc.getText('honest').insert(0, 'begin');
    await waitFor(() => b.doc.getText('honest').toString() === 'begin', 5000, 'honest edit');

    const frames = hostileFrames(SEED, MAX);
    const budget = { left: FRAMES };
    const tally = new Map<string, number>();
    // Honest traffic keeps flowing during the storm.
    let honest = 0;
    const honestTimer = setInterval(() => a.doc.getArray('log').push([honest++]), 20);
    await Promise.all(Array.from({ length: PARALLEL }, () => fuzzWorker(frames, budget, tally)));
    clearInterval(honestTimer);

    const total = [...tally.values()].reduce((x, y) => x + y, 0);
    console.info(JSON.stringify({ seed: SEED, frames: FRAMES, outcomes: Object.fromEntries([...tally].sort()) }));
    expect(total).toBe(FRAMES);
    expect(tally.get('random:closed') ?? 0).toBeGreaterThan(0);
    expect(tally.get('oversized:accepted') ?? 0).toBe(0);
    expect(tally.get('unknownType:accepted') ?? 0).toBe(0);

    await waitFor(() => b.doc.getArray('log').length === honest, 10_000, 'honest edits during the storm');
    expect(disconnects).toBe(0);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // The stored document equals what the honest clients hold.
    const fresh = connectClient(wsUrl, doc.documentId, { token: doc.token });
    await synced(fresh.provider);
    expect(fresh.doc.getText('honest').toString()).toBe('begin');
    expect(fresh.doc.getArray('log').toArray()).toEqual(b.doc.getArray('log').toArray());
    for (const c of [a, b, fresh]) c.provider.destroy();
  });
});
