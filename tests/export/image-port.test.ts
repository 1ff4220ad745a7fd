/**
 * The message port through which a Word or PDF export in a worker asks the main thread for
 * its images: answered once, never left hanging when the export is given up, and a failing
 * or malformed request fails that export alone.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import pino from 'pino';
import { answerImageRequest, requestImages } from '../../server/export/image-port';
import { ExportPool } from '../../server/export/export-pool';
import type { ExportImages } from '../../server/export/export-meta';
import type { OfficeExportTask } from '../../server/export/export-task';
import { docJSONToYUpdate } from '../../server/export/prosemirror';
import { AppError } from '../../server/http/errors';
import { pngImage } from '../helpers/images';

const SRC = '/api/images/abc';

async function images(): Promise<ExportImages> {
  return new Map([[SRC, { type: 'png', bytes: await pngImage(40, 20), width: 40, height: 20 }]]);
}

describe('image port', () => {
  it('answers the worker’s request with Buffers it can place', async () => {
    const { port1, port2 } = new MessageChannel();
    const asked: string[][] = [];
    answerImageRequest(port1, async (srcs) => {
      asked.push(srcs);
      return images();
    });
    const got = await requestImages(port2, [SRC]);
    port1.close();
    expect(asked).toEqual([[SRC]]);
    expect(Buffer.isBuffer(got.get(SRC)!.bytes)).toBe(true);
    expect(got.get(SRC)!.bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('asks nothing for a document without images', async () => {
    const { port1, port2 } = new MessageChannel();
    let asked = false;
    answerImageRequest(port1, async () => ((asked = true), new Map()));
    expect((await requestImages(port2, [])).size).toBe(0);
    port1.close();
    expect(asked).toBe(false);
  });

  it('fails instead of waiting forever when the main thread gives the export up', async () => {
    const { port1, port2 } = new MessageChannel();
    port1.once('message', () => port1.close());
    await expect(requestImages(port2, [SRC])).rejects.toThrow(/given up/);
  });

  it('answers a loader failure and a malformed request with an error, not a hang', async () => {
    const failing = new MessageChannel();
    answerImageRequest(failing.port1, () => Promise.reject(new Error('store unavailable')));
    await expect(requestImages(failing.port2, [SRC])).rejects.toThrow(/store unavailable/);
    failing.port1.close();

    const malformed = new MessageChannel();
    answerImageRequest(malformed.port1, images);
    const answer = new Promise((resolve) => malformed.port2.once('message', resolve));
    malformed.port2.postMessage({ srcs: [SRC, { not: 'a string' }] });
    expect(await answer).toEqual({ error: 'malformed image request' });
    malformed.port1.close();
    malformed.port2.close();
  });
});

describe('image port in the export pool', () => {
  const pool = new ExportPool({ threads: 1, maxQueue: 4, timeoutMs: 120_000, maxHeapMb: 512, log: pino({ level: 'silent' }) });
  afterAll(() => pool.close());
  const update = docJSONToYUpdate({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Met figuur' }] }, { type: 'image', attrs: { src: SRC, alt: 'figuur' } }] });

  function run(load: (srcs: string[]) => Promise<ExportImages>) {
    const { port1, port2 } = new MessageChannel();
    answerImageRequest(port1, load);
    const task: OfficeExportTask = {
      updates: [update],
      kind: 'note',
      title: 'Nota',
      format: 'docx',
      memberIds: [],
      organisations: [],
      meta: { title: 'Nota', kindLabel: 'Netwerknota', status: 'draft', date: new Date(), workspace: 'W', organisations: [] },
      threads: [],
      suggestions: [],
      images: port2,
    };
    return pool.run(task, 'doc-1', [port2]).finally(() => port1.close());
  }

  it('a failing image load fails that export with 422; the next one places its image', { timeout: 120_000 }, async () => {
    const failed = await run(() => Promise.reject(new Error('store unavailable'))).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).status).toBe(422);
    const ok = await run(images);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(ok.body) });
    expect(html).toContain('Met figuur');
    expect(html).toMatch(/<img [^>]*alt="figuur"/);
  });
});
