import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createDocumentFor, createWorkspace, registerUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { appendNested, appendParagraph } from './fixtures/web-content';
import { plantContent } from './fixtures/plant';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const PARAGRAPH = 'Het atelier bundelt wat de steden over bestuurlijke capaciteit leerden. '.repeat(140); // ~10 KB
const PARALLEL_EXPORTS = 5;

describe('exports run off the event loop, queued and rate-limited', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer({ EXPORTS_PER_MINUTE: '8' })));
  afterAll(() => server?.close());

  it(`${PARALLEL_EXPORTS} parallel HTML exports of a 3.8 MiB document by a viewer do not stall other workspaces`, { timeout: 120_000 }, async () => {
    const big = await createDocumentFor(server.url, { title: 'Verslag van een jaar ateliers' });
    const bytes = plantContent(server.dataDir, big.documentId, (doc) => {
      for (let i = 0; i < 400; i++) appendParagraph(doc, `${i}. ${PARAGRAPH}`);
    });
    expect(bytes).toBeGreaterThan(3.8 * 1024 * 1024);
    const viewer = await addMember(server.url, big.token, big.workspaceId, 'viewer');
    const other = await createDocumentFor(server.url);
    const otherList = `/api/workspaces/${other.workspaceId}/documents`;
    await call(server.url, 'GET', otherList, { token: other.token });

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const honest: number[] = [];
    let exporting = true;
    const honestLoop = (async () => {
      while (exporting) {
        const started = performance.now();
        const res = await call(server.url, 'GET', otherList, { token: other.token });
        expect(res.status).toBe(200);
        honest.push(performance.now() - started);
      }
    })();
    const started = performance.now();
    const exports = await Promise.all(
      Array.from({ length: PARALLEL_EXPORTS }, async () => {
        // Read as bytes: decoding 4 MB of text five times here would stall this (shared) loop itself.
        const res = await fetch(`${server.url}/api/documents/${big.documentId}/export?format=html`, {
          headers: { authorization: `Bearer ${viewer.token}` },
        });
        return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
      }),
    );
    const exportMs = performance.now() - started;
    exporting = false;
    await honestLoop;
    delay.disable();

    for (const res of exports) {
      expect(res.status).toBe(200);
      expect(res.bytes).toBeGreaterThan(3.8 * 1024 * 1024);
    }
    const maxDelayMs = delay.max / 1e6;
    const worstHonestMs = Math.max(...honest);
    console.info(
      `export flood: ${PARALLEL_EXPORTS} × ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${exportMs.toFixed(0)} ms; ` +
        `event-loop delay max ${maxDelayMs.toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms; ` +
        `${honest.length} honest requests elsewhere, worst ${worstHonestMs.toFixed(0)} ms`,
    );
    // Rendered on the loop the stall was 2.8 s (one export at a time holds it); the bound leaves
    // room for a 2-core machine shared with other test runs (load average above 20 while measured).
    expect(maxDelayMs).toBeLessThan(1500);
    expect(honest.length).toBeGreaterThan(5);
  });

  it('a ninth export within a minute answers 429 with Retry-After, in the error shape', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const answers = [];
    for (let i = 0; i < 9; i++) answers.push(await call(server.url, 'GET', `/api/documents/${documentId}/export?format=json`, { token }));
    expect(answers.slice(0, 8).map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers[8]!.status).toBe(429);
    expect(answers[8]!.body.error.code).toBe('too_many_requests');
    expect(Number(answers[8]!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('exports of poisoned documents', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer({ EXPORTS_PER_MINUTE: '1000', MAX_DOCUMENT_BYTES: String(2 * 1024 * 1024) })));
  afterAll(() => server?.close());

  it('a text nested far deeper than 64 exports in every format with its text, never 500', { timeout: 60_000 }, async () => {
    const owner = await registerUser(server.url);
    const workspace = await createWorkspace(server.url, owner.token);
    for (const depth of [65, 3_000, 20_000]) {
      const document = await createDocument(server.url, owner.token, workspace.id, { kind: 'note', title: `Diep ${depth}` });
      plantContent(server.dataDir, document.id, (doc) => {
        appendParagraph(doc, 'Bovenaan');
        appendNested(doc, depth, `Diepste tekst ${depth}`);
        appendParagraph(doc, 'Onderaan');
      });
      for (const format of ['markdown', 'html', 'json'] as const) {
        const res = await call(server.url, 'GET', `/api/documents/${document.id}/export?format=${format}`, { token: owner.token });
        expect(res.status, `${depth} ${format}`).toBe(200);
        const body = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
        for (const text of ['Bovenaan', `Diepste tekst ${depth}`, 'Onderaan']) expect(body, `${depth} ${format}`).toContain(text);
      }
    }
  });

  it('a board with hostile values exports what it can; a document over the size limit answers 413', async () => {
    const owner = await registerUser(server.url);
    const workspace = await createWorkspace(server.url, owner.token);
    const board = await createDocument(server.url, owner.token, workspace.id, { kind: 'board', title: 'Bord' });
    plantContent(server.dataDir, board.id, (doc) => {
      const column = new Y.Map<unknown>();
      column.set('id', 'c1');
      column.set('title', { not: 'a string' });
      doc.getArray('columns').push([column]);
      const card = new Y.Map<unknown>();
      card.set('id', 'k1');
      card.set('columnId', 'c1');
      card.set('text', 'Echte kaart');
      card.set('votes', 'geen map');
      doc.getMap('cards').set('k1', card);
      doc.getMap('cards').set('k2', new Y.Array());
      doc.getMap('meta').set('votesPerPerson', -1e308);
    });
    for (const format of ['markdown', 'html', 'json'] as const) {
      const res = await call(server.url, 'GET', `/api/documents/${board.id}/export?format=${format}`, { token: owner.token });
      expect(res.status, format).toBe(200);
    }
    const huge = await createDocument(server.url, owner.token, workspace.id, { kind: 'note' });
    plantContent(server.dataDir, huge.id, (doc) => appendParagraph(doc, 'x'.repeat(3 * 1024 * 1024)));
    const res = await call(server.url, 'GET', `/api/documents/${huge.id}/export?format=html`, { token: owner.token });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('document_too_large');
  });
});

describe('the export pool under pressure', () => {
  let server: Server;
  beforeAll(async () => (server = await startTestServer({ EXPORT_THREADS: '1', EXPORT_QUEUE: '1', EXPORT_TIMEOUT_MS: '300', EXPORTS_PER_MINUTE: '1000' })));
  afterAll(() => server?.close());

  it('an export over its time limit answers 422 and the pool goes on; a full queue answers 503 with Retry-After', { timeout: 60_000 }, async () => {
    const slow = await createDocumentFor(server.url);
    plantContent(server.dataDir, slow.documentId, (doc) => {
      for (let i = 0; i < 400; i++) appendParagraph(doc, `${i}. ${PARAGRAPH}`);
    });
    const small = await createDocumentFor(server.url);
    const exportOf = (d: { token: string; documentId: string }) =>
      call(server.url, 'GET', `/api/documents/${d.documentId}/export?format=html`, { token: d.token });

    const [a, b, c] = await Promise.all([exportOf(slow), exportOf(slow), exportOf(slow)]);
    const statuses = [a, b, c].map((r) => r.status).sort();
    // One runs and is stopped at 300 ms, one waits in the queue (then is stopped too), one finds the queue full.
    expect(statuses).toEqual([422, 422, 503]);
    const busy = [a, b, c].find((r) => r.status === 503)!;
    expect(busy.body.error.code).toBe('export_busy');
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect([a, b, c].find((r) => r.status === 422)!.body.error.code).toBe('export_failed');

    // The stopped threads are replaced; a new one needs a moment to load the renderer, and its
    // first export may still run into the 300 ms limit, so the pool is asked until it answers.
    await expect.poll(async () => (await exportOf(small)).status, { timeout: 20_000, interval: 500 }).toBe(200);
  });
});
