// `npx tsx bench/board-storm.ts`: an atelier of WRITERS people (default 40) on one board at
// once. The server is a child process; every person is a stock y-websocket client with their
// own participant account, using the web client's board operations (client/src/board/board-doc.ts)
// and keeping to the board rules (own cards only are moved, votes within the allowance).
// Phase 1, the round: for DURATION_S seconds each person adds cards, votes and moves their
// cards at random moments (about OPS_PER_S each). Phase 2, the hot spot: everybody votes on
// one card at the same instant. Reports card propagation latency to an observer, convergence, honest
// counting, and the server's CPU and memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { connectClient, synced } from '../tests/helpers/clients';
import { startChildServer } from '../tests/helpers/server';
import { addMember, call, createDocumentFor } from '../tests/helpers/api';
import * as ops from '../client/src/board/board-doc';
import { orderAt } from '../client/src/board/card-order';
import { cpuSeconds, peakRssBytes, rssBytes } from './proc-stats';

process.setMaxListeners(200); // each stock provider adds a process 'exit' listener
const WRITERS = Number(process.env.WRITERS ?? 40);
const DURATION_S = Number(process.env.DURATION_S ?? 20);
const OPS_PER_S = Number(process.env.OPS_PER_S ?? 1);

interface Person {
  userId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], q: number) => ([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN);
const now = () => performance.timeOrigin + performance.now();

function pick<T>(xs: T[]): T {
  return xs[Math.floor(Math.random() * xs.length)]!;
}

/** Everyone's board in one canonical form, to check that all replicas are the same. */
function fingerprint(doc: Y.Doc): string {
  const cards = [...doc.getMap<Y.Map<unknown>>('cards').entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, c]) => {
      const votes = c.get('votes') as Y.Map<number>;
      return `${id}:${String(c.get('columnId'))}:${String(c.get('order'))}:${[...votes.entries()].sort().join(',')}`;
    });
  return `${JSON.stringify(doc.getArray('columns').toJSON())}|${cards.join('|')}`;
}

async function waitUntil(what: string, predicate: () => boolean, timeoutMs: number): Promise<number> {
  const start = now();
  while (!predicate()) {
    if (now() - start > timeoutMs) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
  return now() - start;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-board-storm-'));
  const server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const pid = server.process.pid!;
  try {
    const owner = await createDocumentFor(server.url, { kind: 'board', title: 'Storm' });
    const accounts = [{ token: owner.token, userId: owner.userId }];
    for (let i = 1; i < WRITERS; i++) {
      const m = await addMember(server.url, owner.token, owner.workspaceId, 'participant', { name: `Deelnemer ${i}` });
      accounts.push({ token: m.token, userId: m.user.id });
    }
    const people: Person[] = accounts.map((a) => ({ userId: a.userId, ...connectClient(server.wsUrl, owner.documentId, { token: a.token }) }));
    const observer = connectClient(server.wsUrl, owner.documentId, { token: owner.token });
    await Promise.all([...people, observer].map((p) => synced(p.provider)));
    const first = people[0]!;
    first.doc.getMap('meta').set('votesPerPerson', 5);
    for (const title of ['Kansen', 'Zorgen', 'Vragen']) ops.addColumn(first.doc, title);
    await waitUntil('columns everywhere', () => people.every((p) => p.doc.getArray('columns').length === 3), 10_000);
    const columnIds = ops.columnsOf(first.doc).toArray().map((m) => m.get('id') as string);

    // Card propagation: the observer notes when each card arrives; createdAt says when it was made.
    const latencies: number[] = [];
    observer.doc.getMap<Y.Map<unknown>>('cards').observe((e) => {
      const t = now();
      for (const [id, change] of e.changes.keys) {
        if (change.action !== 'add') continue;
        const created = observer.doc.getMap<Y.Map<unknown>>('cards').get(id)?.get('createdAt');
        if (typeof created === 'number') latencies.push(t - created);
      }
    });

    const cpu0 = cpuSeconds(pid);
    const counts = { add: 0, vote: 0, refused: 0, move: 0 };
    const deadline = now() + DURATION_S * 1000;
    await Promise.all(
      people.map(async (p) => {
        while (now() < deadline) {
          await sleep((Math.random() * 2 * 1000) / OPS_PER_S);
          if (now() >= deadline) break;
          const cards = [...p.doc.getMap('cards').keys()];
          const roll = Math.random();
          if (roll < 0.4 || cards.length === 0) {
            ops.addCard(p.doc, { columnId: pick(columnIds), text: `idee van ${p.userId.slice(0, 6)}`, authorId: p.userId, order: orderAt([], 0) });
            counts.add++;
          } else if (roll < 0.75) {
            // People keep voting after their dots are gone; the client refuses those.
            if (ops.vote(p.doc, pick(cards), p.userId)) counts.vote++;
            else counts.refused++;
          } else {
            // The board rules: people move their own cards (the facilitator moves any).
            const own = cards.filter((id) => p.doc.getMap<Y.Map<unknown>>('cards').get(id)?.get('authorId') === p.userId);
            if (own.length === 0) continue;
            ops.moveCard(p.doc, pick(own), pick(columnIds), orderAt([], 0));
            counts.move++;
          }
        }
      }),
    );
    const stormCpu = cpuSeconds(pid) - cpu0;
    const convergeMs = await waitUntil(
      'convergence after the round',
      () => {
        const f = fingerprint(observer.doc);
        return people.every((p) => fingerprint(p.doc) === f);
      },
      30_000,
    );
    const cardCount = observer.doc.getMap('cards').size;

    // The hot spot: everyone votes on one card in the same tick.
    const hot = ops.addCard(first.doc, { columnId: columnIds[0]!, text: 'Iedereen stemt hierop', authorId: first.userId, order: -1 });
    await waitUntil('hot card everywhere', () => people.every((p) => p.doc.getMap('cards').has(hot)), 10_000);
    // Within the allowance: whoever has no dot left takes one back first (each writes only
    // their own entries, as the board rules demand).
    for (const p of people) {
      if (ops.votesUsed(p.doc, p.userId) >= 5) {
        const voted = [...p.doc.getMap<Y.Map<unknown>>('cards').keys()].find((id) => ops.ownVotes(p.doc, id, p.userId) > 0);
        if (voted) ops.unvote(p.doc, voted, p.userId);
      }
    }
    for (const p of people) ops.vote(p.doc, hot, p.userId);
    const hotMs = await waitUntil('hot votes everywhere', () => people.every((p) => (p.doc.getMap<Y.Map<unknown>>('cards').get(hot)!.get('votes') as Y.Map<number>).size === WRITERS), 30_000);

    const exported = await call(server.url, 'GET', `/api/documents/${owner.documentId}/export?format=json`, { token: owner.token });
    const totalCounted = (exported.body.columns as { cards: { votes: number }[] }[]).flatMap((c) => c.cards).reduce((s, c) => s + c.votes, 0);
    const hotCounted = (exported.body.columns as { cards: { id: string; votes: number }[] }[]).flatMap((c) => c.cards).find((c) => c.id === hot)?.votes;
    const update = Y.encodeStateAsUpdate(observer.doc);

    const result = {
      writers: WRITERS,
      durationS: DURATION_S,
      operations: counts,
      opsPerSecond: +((counts.add + counts.vote + counts.move) / DURATION_S).toFixed(1),
      cardPropagationMs: { n: latencies.length, p50: +pct(latencies, 0.5).toFixed(1), p95: +pct(latencies, 0.95).toFixed(1), p99: +pct(latencies, 0.99).toFixed(1), max: +Math.max(...latencies).toFixed(1) },
      convergedAfterRoundMs: Math.round(convergeMs),
      cards: cardCount,
      hotSpot: { voters: WRITERS, allVotesEverywhereMs: Math.round(hotMs), countedOnHotCard: hotCounted },
      honestTotal: { counted: totalCounted, ceiling: WRITERS * 5 },
      serverCpuSecondsDuringRound: +stormCpu.toFixed(2),
      serverCpuShareOfOneCore: +(stormCpu / DURATION_S).toFixed(2),
      serverRssMiB: +(rssBytes(pid) / 2 ** 20).toFixed(1),
      serverPeakRssMiB: +(peakRssBytes(pid) / 2 ** 20).toFixed(1),
      boardStateBytes: update.byteLength,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    for (const p of [...people, observer]) p.provider.destroy();
    if (totalCounted > WRITERS * 5) throw new Error('honest counting exceeded the ceiling');
  } finally {
    server.process.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
