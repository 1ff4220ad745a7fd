/**
 * "Importeren uit Word" through the real API, with .docx files made by the `docx`
 * package (not by our exporter): the editor's JSON that comes out, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, ExternalHyperlink, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { startTestServer } from '../helpers/server';
import type { RunningServer } from '../../server/server';
import { addMember, call, createDocumentFor, registerUser } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { pngImage } from '../helpers/images';
import { yDocToDocJSON } from '../../server/export/prosemirror';

let server: RunningServer;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createDocumentFor(server.url, { title: 'Bestaand' });
});
afterAll(() => server.close());

async function importWord(bytes: Uint8Array, opts: { token?: string; name?: string; kind?: string } = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), opts.name ?? 'Aanbevelingen wonen.docx');
  if (opts.kind) form.append('kind', opts.kind);
  const res = await fetch(`${server.url}/api/workspaces/${owner.workspaceId}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.token ?? owner.token}` },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

async function documentCount(): Promise<number> {
  return (await call(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/documents`, { token: owner.token })).body.documents.length;
}

async function contentOf(documentId: string) {
  const client = connectClient(server.url.replace('http', 'ws') + '/sync', documentId, { token: owner.token });
  await synced(client.provider);
  const json = yDocToDocJSON(client.doc);
  destroyAll(client.provider);
  return json;
}

const cell = (text: string, opts: { columnSpan?: number } = {}) => new TableCell({ ...opts, children: [new Paragraph(text)] });

async function wordFile(): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'punten', levels: [0, 1].map((level) => ({ level, format: LevelFormat.BULLET, text: '•' })) }] },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Wonen in Leuven')] }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Vet', bold: true }),
              new TextRun(' en '),
              new TextRun({ text: 'onderlijnd', underline: {} }),
              new TextRun(', zie '),
              new ExternalHyperlink({ link: 'https://www.vlaamsesteden.be/?q=wonen&p=2', children: [new TextRun('de site')] }),
            ],
          }),
          new Paragraph({ text: 'Eerste punt', numbering: { reference: 'punten', level: 0 } }),
          new Paragraph({ text: 'Genest punt', numbering: { reference: 'punten', level: 1 } }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Cijfers')] }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: [cell('Stad'), cell('Wachtlijst')] }),
              new TableRow({ children: [cell('Leuven'), cell('1.250')] }),
              new TableRow({ children: [cell('Samen: 1.250', { columnSpan: 2 })] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: await pngImage(120, 60), transformation: { width: 120, height: 60 }, altText: { name: 'kaart', description: 'Kaart' } })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const text = (t: string, marks?: string[]) => (marks ? { type: 'text', text: t, marks: marks.map((type) => ({ type })) } : { type: 'text', text: t });

describe('POST /api/workspaces/:wid/imports', () => {
  it('turns a Word file into the editor content: headings, marks, link, nested list, table, image', async () => {
    const res = await importWord(await wordFile());
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ title: 'Aanbevelingen wonen', kind: 'recommendation', workspaceId: owner.workspaceId });
    const json = await contentOf(res.body.document.id);
    const [h1, para, list, h2, table, image] = json.content;
    expect(h1).toEqual({ type: 'heading', attrs: { level: 1 }, content: [text('Wonen in Leuven')] });
    expect(para!.content).toEqual([
      text('Vet', ['bold']),
      text(' en '),
      text('onderlijnd', ['underline']),
      text(', zie '),
      { type: 'text', text: 'de site', marks: [{ type: 'link', attrs: expect.objectContaining({ href: 'https://www.vlaamsesteden.be/?q=wonen&p=2' }) }] },
    ]);
    expect(list).toMatchObject({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Eerste punt')] }, { type: 'bulletList', content: [{ type: 'listItem', content: [{ content: [text('Genest punt')] }] }] }] }],
    });
    expect(h2).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(table!.type).toBe('table');
    const rows = table!.content!.map((row) => row.content!.map((c) => [c.type, c.attrs?.colspan, c.content?.[0]?.content?.[0]?.text]));
    expect(rows).toEqual([
      [['tableHeader', 1, 'Stad'], ['tableHeader', 1, 'Wachtlijst']],
      [['tableCell', 1, 'Leuven'], ['tableCell', 1, '1.250']],
      [['tableCell', 2, 'Samen: 1.250']],
    ]);
    expect(image).toMatchObject({ type: 'image', attrs: { alt: 'Kaart' } });
    const src = String(image!.attrs!.src);
    expect(src).toMatch(/^\/api\/images\//);
    const served = await fetch(server.url + src, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
  });

  it('makes a note when asked, named by the given title', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await wordFile())]), 'x.docx');
    form.append('kind', 'note');
    form.append('title', 'Burgerbegroting in Gent');
    const res = await fetch(`${server.url}/api/workspaces/${owner.workspaceId}/imports`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}` }, body: form });
    expect(res.status).toBe(201);
    expect((await res.json()).document).toMatchObject({ kind: 'note', title: 'Burgerbegroting in Gent' });
  });

  it('refuses files that are not a readable .docx, or too large, or too deep, and creates nothing', async () => {
    const before = await documentCount();
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);
    expect(await importWord(encrypted)).toMatchObject({ status: 422, body: { error: { code: 'encrypted_docx', field: 'file' } } });
    expect(await importWord(Buffer.from('<html>geen Word</html>'), { name: 'nep.docx' })).toMatchObject({ status: 422, body: { error: { code: 'invalid_docx' } } });
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]);
    expect(await importWord(brokenZip)).toMatchObject({ status: 422, body: { error: { code: 'invalid_docx' } } });
    expect((await importWord(Buffer.alloc(20 * 1024 * 1024 + 1, 1))).status).toBe(413);
    expect(await importWord(await nestedTables(25))).toMatchObject({ status: 422, body: { error: { code: 'content_too_large' } } });
    expect(await importWord(await wordFile(), { kind: 'board' })).toMatchObject({ status: 422, body: { error: { field: 'kind' } } });
    expect(await documentCount()).toBe(before);
  });

  it('is for editors and up: viewers 403, outsiders 404', async () => {
    const viewer = await addMember(server.url, owner.token, owner.workspaceId, 'viewer');
    const outsider = await registerUser(server.url);
    expect((await importWord(await wordFile(), { token: viewer.token })).status).toBe(403);
    expect((await importWord(await wordFile(), { token: outsider.token })).status).toBe(404);
  });
});

/** Tables nested `depth` deep: table → row → cell per level, so 25 levels pass 64. */
async function nestedTables(depth: number): Promise<Buffer> {
  let inner: Paragraph | Table = new Paragraph('bodem');
  for (let i = 0; i < depth; i++) inner = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [inner, new Paragraph('')] })] })] });
  return Packer.toBuffer(new Document({ sections: [{ children: [inner] }] }));
}
