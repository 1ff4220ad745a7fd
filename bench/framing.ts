/**
 * `npx tsx bench/framing.ts`: what writing one pre-built frame to every receiver
 * (`server/sync/framing.ts`, which reads ws's private sender state) saves over ws's public
 * `send` per receiver. One broadcast goes to RECEIVERS sockets; the receivers live in a child
 * process so that their reading does not count. Prints the server's CPU time per broadcast
 * and the time of the send loop alone, per way and payload size, median of ROUNDS
 * alternating runs. A measurement, not a test: about 30 seconds.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameBinary, writeFramed } from '../server/sync/framing';

const RECEIVERS = Number(process.env.RECEIVERS ?? 200);
const BROADCASTS = Number(process.env.BROADCASTS ?? 400);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const BATCH = 20;
const SIZES = [40, 2_000];

type Way = (sockets: WebSocket[], payload: Uint8Array) => void;
const ways: Record<string, Way> = {
  'pre-built frame (private ws state)': (sockets, payload) => {
    const frame = frameBinary(payload);
    for (const ws of sockets) writeFramed(ws, frame, payload);
  },
  'ws.send per receiver (public API)': (sockets, payload) => {
    for (const ws of sockets) ws.send(payload, { binary: true });
  },
};

/** The child: opens RECEIVERS sockets and says "done" on the first once it has `n` messages. */
const CHILD = `
const WebSocket = require('ws');
const [url, receivers] = [process.argv[1], Number(process.argv[2])];
let received = 0, target = Infinity, first;
process.on('message', (n) => { target = n; check(); });
function check() { if (received >= target) { target = Infinity; received = 0; first.send('done'); } }
let open = 0;
for (let i = 0; i < receivers; i++) {
  const ws = new WebSocket(url);
  if (i === 0) first = ws;
  ws.on('message', () => { received++; check(); });
  ws.on('open', () => { if (++open === receivers) process.send('open'); });
}
`;

async function main(): Promise<void> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const sockets: WebSocket[] = [];
  wss.on('connection', (ws) => sockets.push(ws));
  const { port } = wss.address() as { port: number };
  const child = spawn(process.execPath, ['-e', CHILD, `ws://127.0.0.1:${port}`, String(RECEIVERS)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((r) => child.once('message', () => r()));
  await waitUntil(() => sockets.length === RECEIVERS);
  let done: (() => void) | null = null;
  for (const ws of sockets) ws.on('message', () => done?.());
  const batchReceived = (n: number) =>
    new Promise<void>((r) => {
      done = r;
      child.send(n);
    });

  const results: Record<string, { cpu: number[]; loop: number[] }> = {};
  for (const size of SIZES) {
    const payload = new Uint8Array(size).fill(7);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, send] of Object.entries(ways)) {
        const key = `${name}, ${size} B`;
        const r = (results[key] ??= { cpu: [], loop: [] });
        let loop = 0;
        const cpuStart = process.cpuUsage();
        for (let b = 0; b < BROADCASTS; b += BATCH) {
          const received = batchReceived(BATCH * RECEIVERS);
          for (let i = 0; i < BATCH; i++) {
            const t = performance.now();
            send(sockets, payload);
            loop += performance.now() - t;
          }
          await received;
        }
        const cpu = process.cpuUsage(cpuStart);
        r.cpu.push((cpu.user + cpu.system) / 1000 / BROADCASTS);
        r.loop.push(loop / BROADCASTS);
      }
    }
  }
  console.log(`${RECEIVERS} receivers, ${BROADCASTS} broadcasts per run, median of ${ROUNDS} runs`);
  for (const [key, r] of Object.entries(results)) {
    console.log(`${key.padEnd(46)} CPU ${median(r.cpu).toFixed(3)} ms/broadcast   send loop ${median(r.loop).toFixed(3)} ms`);
  }
  child.kill();
  wss.close();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

void main();
