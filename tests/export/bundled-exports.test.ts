/**
 * The export pool from the bundled server (`npm run build:server`, then plain `node`, as
 * `npm start` runs it): its worker threads load export-worker.js from beside main.js, with
 * no TypeScript loader anywhere, and render every format, Word comments included.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import JSZip from 'jszip';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { encodeAnchor } from '../../shared/comment-anchors';
import { docJSONToYUpdate, editorSchema } from '../../server/export/prosemirror';
import { call, createDocumentFor, registerUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { pngImage, uploadImage } from '../helpers/images';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { HEADINGS, everyNodeDoc } from '../documents/every-node';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so the bundle finds node_modules as dist/server does.
const BUNDLE = path.join('dist', `test-bundle-${process.pid}`);

let server: ChildServer;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs', BUNDLE], { cwd: ROOT, stdio: 'pipe' });
  expect(fs.existsSync(path.join(ROOT, BUNDLE, 'export-worker.js'))).toBe(true);
  server = await startChildServer({ DATA_DIR: tempDataDir(), LOG_LEVEL: 'warn' }, { bundle: path.join(ROOT, BUNDLE, 'main.js') });
  owner = await createDocumentFor(server.url, { title: 'Aanbevelingen wonen Leuven' });
  const image = await uploadImage(server.url, owner.token, owner.documentId, await pngImage(400, 200));
  const client = connectClient(server.wsUrl, owner.documentId, { token: owner.token });
  await synced(client.provider);
  Y.applyUpdate(client.doc, docJSONToYUpdate(everyNodeDoc(image.body.image.url)));
  await settled(client.provider);
  const fragment = client.doc.getXmlFragment('default');
  const { doc, mapping } = initProseMirrorDoc(fragment, editorSchema);
  // The first heading's text: position 1 is inside the first block.
  const to = 1 + HEADINGS[0]!.length;
  const thread = await call(server.url, 'POST', `/api/documents/${owner.documentId}/comments`, {
    token: owner.token,
    body: { anchor: encodeAnchor(1, to, fragment, mapping), quote: doc.textBetween(1, to), body: 'Kortere inleiding?' },
  });
  expect(thread.status).toBe(201);
  destroyAll(client.provider);
}, 120_000);

afterAll(async () => {
  if (server) {
    server.process.kill('SIGTERM');
    await server.exited;
  }
  fs.rmSync(path.join(ROOT, BUNDLE), { recursive: true, force: true });
});

async function download(query: string, token = owner.token) {
  const res = await fetch(`${server.url}/api/documents/${owner.documentId}/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('exports from the bundled server', () => {
  it('renders Word (with comments), PDF and Markdown in the bundled worker', { timeout: 120_000 }, async () => {
    const word = await download('format=docx&comments=open');
    expect(word.status).toBe(200);
    const { value: html } = await mammoth.convertToHtml({ buffer: word.bytes });
    expect(html).toContain(`<h1>${HEADINGS[0]}`);
    expect(html).toContain('<img');
    const comments = await (await JSZip.loadAsync(word.bytes)).file('word/comments.xml')!.async('string');
    expect(comments).toContain('Kortere inleiding?');

    const pdf = await download('format=pdf');
    expect(pdf.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
    const { text } = await parser.getText();
    await parser.destroy();
    for (const heading of HEADINGS) expect(text).toContain(heading);

    const markdown = await download('format=markdown');
    expect(markdown.status).toBe(200);
    expect(markdown.bytes.toString()).toContain(`## ${HEADINGS[1]}`);
    expect(server.logs.join('\n')).not.toMatch(/export\.failed/);
  });

  it('refuses outsiders and bad parameters there too', async () => {
    const outsider = await registerUser(server.url);
    expect((await download('format=pdf', outsider.token)).status).toBe(404);
    expect((await download('format=docx&comments=yes')).status).toBe(422);
    expect((await download('format=docx')).status).toBe(200);
  });
});
