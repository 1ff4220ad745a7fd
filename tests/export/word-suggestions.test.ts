/**
 * `?suggestions=pending` on the Word export: pending suggestions made through the API
 * become real Word tracked changes (w:del for the replaced text, w:ins for the proposal)
 * by their author, dated when they were made; decided ones never appear. Read back by
 * unzipping the .docx, as word-comments.test.ts does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { JSONContent } from '@tiptap/core';
import { decodeXML } from 'entities';
import { addMember, call, createDocumentFor, createWorkspace, registerUser } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { settled } from '../helpers/barrier';
import { startTestServer } from '../helpers/server';
import { fill, suggestionBody, type Target } from '../suggestions/helpers';
import type { Suggestion } from '../../shared/suggestions';

const t = (text: string, marks: string[] = []): JSONContent => (marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (text: string): JSONContent => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t(text))] });

const CONTENT: JSONContent[] = [
  p(t('Een '), t('vet', ['bold']), t(' woord in een zin.')),
  { type: 'table', content: [{ type: 'tableRow', content: [cell('Budget 2026'), cell('Fietsstraten')] }] },
  p(t('Een voorstel dat al is afgewezen.')),
];

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;
let commenter: Awaited<ReturnType<typeof addMember>>;
const made: Suggestion[] = [];

beforeAll(async () => {
  server = await startTestServer({ EXPORTS_PER_MINUTE: '1000' });
  owner = await createDocumentFor(server.url, { title: 'Aanbevelingen wonen' });
  commenter = await addMember(server.url, owner.token, owner.workspaceId, 'commenter', { name: 'Anna Peeters', organization: 'Stad Gent' });
  const client = connectClient(server.url.replace('http', 'ws') + '/sync', owner.documentId, { token: owner.token });
  await synced(client.provider);
  fill(client.doc, { type: 'doc', content: CONTENT });
  await settled(client.provider);
  const suggest = async (target: Target, insertText: string) => {
    const res = await call(server.url, 'POST', `/api/documents/${owner.documentId}/suggestions`, { token: commenter.token, body: suggestionBody(client.doc, target, insertText) });
    expect(res.status).toBe(201);
    made.push(res.body.suggestion as Suggestion);
    return res.body.suggestion as Suggestion;
  };
  await suggest({ from: 'vet', to: ' woord' }, 'sterk begrip');
  await suggest('2026', '2027');
  const rejected = await suggest('al is afgewezen', 'nooit komt');
  expect((await call(server.url, 'POST', `/api/suggestions/${rejected.id}/reject`, { token: owner.token })).status).toBe(200);
  destroyAll(client.provider);
});
afterAll(() => server?.close());

async function docx(query: string, token = owner.token) {
  const res = await fetch(`${server.url}/api/documents/${owner.documentId}/export?format=docx${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function documentXml(bytes: Buffer): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

/** Every w:ins and w:del around runs (not the self-closing paragraph-mark ones), in document order. */
function changes(xml: string) {
  return [...xml.matchAll(/<w:(ins|del) ([^>]*[^/])>([\s\S]*?)<\/w:\1>/g)].map(([, kind, attrs, body]) => ({
    kind,
    author: decodeXML(/w:author="([^"]*)"/.exec(attrs!)![1]!),
    date: /w:date="([^"]*)"/.exec(attrs!)![1]!,
    text: [...body!.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => decodeXML(m[1]!)).join(''),
  }));
}

describe('Word export with ?suggestions=pending', () => {
  it('writes each pending suggestion as tracked changes by its author, across a bold run and in a table cell', async () => {
    const { res, bytes } = await docx('&suggestions=pending', commenter.token);
    expect(res.status).toBe(200);
    const xml = await documentXml(bytes);
    const [bold, inTable] = made;
    const by = 'Anna Peeters (Stad Gent)';
    expect(changes(xml)).toEqual([
      { kind: 'del', author: by, date: bold!.createdAt, text: 'vet' },
      { kind: 'del', author: by, date: bold!.createdAt, text: ' woord' },
      { kind: 'ins', author: by, date: bold!.createdAt, text: 'sterk begrip' },
      { kind: 'del', author: by, date: inTable!.createdAt, text: '2026' },
      { kind: 'ins', author: by, date: inTable!.createdAt, text: '2027' },
    ]);
    // The deleted "vet" is still bold; the table's change stands in its cell; the rejected one is plain text.
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:rPr><w:b\/>[^]*?<w:delText[^>]*>vet<\/w:delText>/);
    expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>)[^])*<w:delText[^>]*>2026<\/w:delText>(?:(?!<\/w:tc>)[^])*<\/w:tc>/);
    expect(xml).toContain('Een voorstel dat al is afgewezen.');
    expect(xml).not.toContain('nooit komt');
  });

  it('combines with ?comments=open, and writes no tracked changes without the parameter', async () => {
    const both = await docx('&comments=open&suggestions=pending');
    expect(both.res.status).toBe(200);
    expect(changes(await documentXml(both.bytes))).toHaveLength(5);
    const plain = await docx('');
    expect(plain.res.status).toBe(200);
    const xml = await documentXml(plain.bytes);
    expect(changes(xml)).toEqual([]);
    expect(xml).not.toContain('sterk begrip');
  });

  it('refuses other values and other formats, people outside the workspace, and the signed-out', async () => {
    for (const query of ['format=docx&suggestions=all', 'format=docx&suggestions=', 'format=pdf&suggestions=pending', 'format=markdown&suggestions=pending', 'format=html&comments=open&suggestions=pending']) {
      const res = await call(server.url, 'GET', `/api/documents/${owner.documentId}/export?${query}`, { token: owner.token });
      expect(res.status, query).toBe(422);
      expect(['suggestions', 'comments'], query).toContain(res.body.error.field);
    }
    const elsewhere = await registerUser(server.url, { name: 'Buitenstaander' });
    const theirs = await createWorkspace(server.url, elsewhere.token, 'Andere werkruimte');
    const outsider = await addMember(server.url, elsewhere.token, theirs.id, 'commenter');
    for (const token of [outsider.token, elsewhere.token]) {
      const { res, bytes } = await docx('&suggestions=pending', token);
      expect(res.status).toBe(404);
      expect(bytes.toString()).not.toContain('sterk begrip');
    }
    expect((await docx('&suggestions=pending', 'not-a-token')).res.status).toBe(401);
  });
});
