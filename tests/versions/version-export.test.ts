/**
 * GET /api/versions/:vid/export: an old version as a file in every format of the document
 * export, rendered from the version's stored state — its content, never the present's —
 * with a title block that says which version; same access as reading the version, same
 * per-person allowance as the document export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { addMember, call, createDocumentFor, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { addParagraph, paragraphText } from './helpers';

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;
let vid: string;

beforeAll(async () => {
  server = await startTestServer({ VERSION_QUIET_MS: String(3600_000), EXPORTS_PER_MINUTE: '4' });
  owner = await createDocumentFor(server.url, { title: 'Aanbevelingen wonen' });
  const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, owner.documentId, { token: owner.token });
  await synced(c.provider);
  addParagraph(c.doc, 'Oude tekst van de stuurgroep.');
  await settled(c.provider);
  const saved = await call(server.url, 'POST', `/api/documents/${owner.documentId}/versions`, { token: owner.token, body: { name: 'versie stuurgroep 12/12' } });
  expect(saved.status).toBe(201);
  vid = saved.body.version.id;
  // The present moves on: the old sentence is replaced.
  const text = paragraphText(c.doc, 0);
  c.doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, 'Nieuwe tekst na de stadsronde.');
  });
  addParagraph(c.doc, 'Een alinea die er toen nog niet was.');
  await settled(c.provider);
  destroyAll(c.provider);
});
afterAll(() => server?.close());

async function download(path: string, token?: string) {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('exporting a version', () => {
  it("answers the version's content in every format, not the present's, and says which version", async () => {
    const version = await call(server.url, 'GET', `/api/versions/${vid}`, { token: owner.token });
    expect(version.status).toBe(200);

    const json = await download(`/api/versions/${vid}/export?format=json`, owner.token);
    expect(json.res.status).toBe(200);
    const exported = JSON.parse(json.bytes.toString());
    expect({ type: exported.type, content: exported.content }).toEqual(version.body.content);
    expect(exported.title).toMatch(/^Aanbevelingen wonen \(versie stuurgroep 12\/12, /);

    const markdown = await download(`/api/versions/${vid}/export?format=markdown`, owner.token);
    expect(markdown.res.status).toBe(200);
    expect(markdown.res.headers.get('content-disposition')).toMatch(/^attachment; filename="Aanbevelingen-wonen-versie-stuurgroep-12-12-.*\.md"$/);
    const md = markdown.bytes.toString();
    expect(md).toContain('versie stuurgroep 12/12');
    expect(md).toContain('Oude tekst van de stuurgroep.');
    expect(md).not.toContain('Nieuwe tekst');
    expect(md).not.toContain('toen nog niet');

    const docx = await download(`/api/versions/${vid}/export?format=docx`, owner.token);
    expect(docx.res.status).toBe(200);
    expect(docx.res.headers.get('content-disposition')).toMatch(/filename="Aanbevelingen-wonen-versie-stuurgroep-12-12-\d{4}-\d\d-\d\d\.docx"/);
    expect(docx.res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { value: text } = await mammoth.extractRawText({ buffer: docx.bytes });
    expect(text).toMatch(/Versie\s+versie stuurgroep 12\/12, /);
    expect(text).toContain('Oude tekst van de stuurgroep.');
    expect(text).not.toContain('Nieuwe tekst');
    expect(text).not.toContain('toen nog niet');

    const pdf = await download(`/api/versions/${vid}/export?format=pdf`, owner.token);
    expect(pdf.res.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shares the per-person allowance with the document export', async () => {
    const reader = await addMember(server.url, owner.token, owner.workspaceId, 'viewer');
    const statuses: number[] = [];
    for (const path of [`/api/documents/${owner.documentId}/export?format=markdown`, `/api/documents/${owner.documentId}/export?format=html`, `/api/versions/${vid}/export?format=markdown`, `/api/versions/${vid}/export?format=html`, `/api/versions/${vid}/export?format=json`]) {
      statuses.push((await download(path, reader.token)).res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it('refuses outsiders (404), the signed-out (401) and bad parameters (422)', async () => {
    const elsewhere: TestUser = await registerUser(server.url, { name: 'Buitenstaander' });
    const theirs = await createWorkspace(server.url, elsewhere.token, 'Andere werkruimte');
    const outsider = await addMember(server.url, elsewhere.token, theirs.id, 'editor');
    for (const token of [elsewhere.token, outsider.token]) {
      const { res, bytes } = await download(`/api/versions/${vid}/export?format=markdown`, token);
      expect(res.status).toBe(404);
      expect(bytes.toString()).not.toContain('stuurgroep');
    }
    expect((await download(`/api/versions/${vid}/export?format=markdown`)).res.status).toBe(401);
    expect((await download(`/api/versions/not-a-version/export?format=markdown`, owner.token)).res.status).toBe(404);
    for (const [query, field] of [
      ['format=exe', 'format'],
      ['format=docx&comments=open', 'comments'],
      ['format=docx&suggestions=pending', 'suggestions'],
    ]) {
      const res = await call(server.url, 'GET', `/api/versions/${vid}/export?${query}`, { token: owner.token });
      expect(res.status, query).toBe(422);
      expect(res.body.error.field, query).toBe(field);
    }
  });
});

