/**
 * `?comments=open` on the Word export: open threads become real Word comments anchored on
 * their text (word/comments.xml plus range marks in word/document.xml), replies threaded
 * under them; resolved threads never appear. Read back by unzipping the .docx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeXML } from 'entities';
import { encodeAnchor } from '../../shared/comment-anchors';
import { docJSONToYUpdate, editorSchema } from '../../server/export/prosemirror';
import { addMember, call, createDocumentFor, registerUser, createWorkspace } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { settled } from '../helpers/barrier';
import { startTestServer } from '../helpers/server';

const t = (text: string, marks: string[] = []): JSONContent => (marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (type: 'tableHeader' | 'tableCell', text: string): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t(text))] });

const CONTENT: JSONContent[] = [
  { type: 'heading', attrs: { level: 1 }, content: [t('Wonen in de stad')] },
  p(t('Eerste zin. Tweede zin over fietsstraten. Derde zin.')),
  p(t('Een '), t('vet', ['bold']), t(' woord in een zin.')),
  p(t('Opgeloste zin die niet in Word komt.')),
  { type: 'table', content: [{ type: 'tableRow', content: [cell('tableHeader', 'Kolom met opmerking'), cell('tableHeader', 'Budget')] }] },
  p(t('Deze zin wordt geschrapt.')),
];

/** Where `needle` stands in the textblock that holds it, as a ProseMirror range. */
function rangeOf(doc: PMNode, needle: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found;
    const at = node.textContent.indexOf(needle);
    if (at >= 0) found = { from: pos + 1 + at, to: pos + 1 + at + needle.length };
    return false;
  });
  if (!found) throw new Error(`"${needle}" is not in the document`);
  return found;
}

/** The text each Word comment covers in word/document.xml, by comment id. */
function commentedText(documentXml: string): Map<string, string> {
  const open = new Set<string>();
  const covered = new Map<string, string>();
  for (const m of documentXml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>|<w:commentRangeEnd w:id="(\d+)"\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)) {
    if (m[1] !== undefined) {
      open.add(m[1]);
      covered.set(m[1], '');
    } else if (m[2] !== undefined) open.delete(m[2]);
    else {
      const text = m[3] === undefined ? '¶' : decodeXML(m[3]);
      for (const id of open) covered.set(id, covered.get(id) + text);
    }
  }
  return covered;
}

interface WordComment {
  id: string;
  author: string;
  text: string;
}

function wordComments(commentsXml: string): WordComment[] {
  return [...commentsXml.matchAll(/<w:comment ([^>]*)>([\s\S]*?)<\/w:comment>/g)].map(([, attrs, body]) => ({
    id: /w:id="(\d+)"/.exec(attrs!)![1]!,
    author: decodeXML(/w:author="([^"]*)"/.exec(attrs!)?.[1] ?? ''),
    text: [...body!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXML(m[1]!)).join(''),
  }));
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;
let commenter: Awaited<ReturnType<typeof addMember>>;

beforeAll(async () => {
  server = await startTestServer({ EXPORTS_PER_MINUTE: '1000' });
  owner = await createDocumentFor(server.url, { title: 'Aanbevelingen wonen' });
  commenter = await addMember(server.url, owner.token, owner.workspaceId, 'commenter', { name: 'Anna Peeters', organization: 'Stad Gent' });
  const client = connectClient(server.url.replace('http', 'ws') + '/sync', owner.documentId, { token: owner.token });
  await synced(client.provider);
  Y.applyUpdate(client.doc, docJSONToYUpdate({ type: 'doc', content: CONTENT }));
  await settled(client.provider);

  const fragment = client.doc.getXmlFragment('default');
  const { doc, mapping } = initProseMirrorDoc(fragment, editorSchema);
  const thread = async (from: number, to: number, body: string, token = commenter.token) => {
    const res = await call(server.url, 'POST', `/api/documents/${owner.documentId}/comments`, {
      token,
      body: { anchor: encodeAnchor(from, to, fragment, mapping), quote: doc.textBetween(from, to, ' '), body },
    });
    expect(res.status).toBe(201);
    return res.body.thread.id as string;
  };
  const sentence = rangeOf(doc, 'Tweede zin over fietsstraten.');
  const open = await thread(sentence.from, sentence.to, 'Welke straten bedoelen we?\nGraag een lijst.');
  expect((await call(server.url, 'POST', `/api/comments/${open}/replies`, { token: owner.token, body: { body: 'De lijst volgt.' } })).status).toBe(201);
  const bold = rangeOf(doc, 'vet woord');
  await thread(bold.from, bold.to, 'Over de grens van het vet.');
  // From "Derde zin." into the next paragraph, up to "Een".
  await thread(rangeOf(doc, 'Derde zin.').from, rangeOf(doc, 'Een vet').from + 'Een'.length, 'Loopt over twee alinea’s.');
  const inTable = rangeOf(doc, 'Kolom met opmerking');
  await thread(inTable.from, inTable.to, 'Kop van de tabel.');
  const resolvedRange = rangeOf(doc, 'Opgeloste zin');
  const resolved = await thread(resolvedRange.from, resolvedRange.to, 'Dit is al opgelost.');
  expect((await call(server.url, 'PATCH', `/api/comments/${resolved}`, { token: owner.token, body: { resolved: true } })).status).toBe(200);
  const doomed = rangeOf(doc, 'Deze zin wordt geschrapt.');
  await thread(doomed.from, doomed.to, 'Zin die verdwijnt.');
  // The sentence goes: its thread is orphaned and has nowhere to stand in Word.
  const last = fragment.get(fragment.length - 1) as Y.XmlElement;
  last.delete(0, last.length);
  await settled(client.provider);
  destroyAll(client.provider);
});
afterAll(() => server?.close());

async function docx(query: string, token = owner.token) {
  const res = await fetch(`${server.url}/api/documents/${owner.documentId}/export?format=docx${query}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes };
}

async function parts(bytes: Buffer): Promise<{ document: string; comments: string | null; extended: string | null }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    comments: (await zip.file('word/comments.xml')?.async('string')) ?? null,
    extended: (await zip.file('word/commentsExtended.xml')?.async('string')) ?? null,
  };
}

describe('Word export with ?comments=open', () => {
  it('puts each open thread on its text as a Word comment, replies threaded, resolved and orphaned threads left out', async () => {
    const { res, bytes } = await docx('&comments=open', commenter.token);
    expect(res.status).toBe(200);
    const { document, comments, extended } = await parts(bytes);
    expect(comments).not.toBeNull();
    const written = wordComments(comments!);
    expect(written.map(({ author, text }) => ({ author, text }))).toEqual([
      { author: 'Anna Peeters (Stad Gent)', text: 'Welke straten bedoelen we?Graag een lijst.' },
      { author: 'Eigenaar (Stad Gent)', text: 'De lijst volgt.' },
      { author: 'Anna Peeters (Stad Gent)', text: 'Over de grens van het vet.' },
      { author: 'Anna Peeters (Stad Gent)', text: 'Loopt over twee alinea’s.' },
      { author: 'Anna Peeters (Stad Gent)', text: 'Kop van de tabel.' },
    ]);
    expect(comments).not.toContain('Dit is al opgelost');
    expect(comments).not.toContain('Zin die verdwijnt');
    // The reply is threaded under its thread (Word's commentsExtended part).
    expect(extended).toMatch(/w15:paraIdParent=/);

    const covered = commentedText(document);
    const byText = (text: string) => written.find((c) => c.text === text)!.id;
    expect(covered.get(byText('Welke straten bedoelen we?Graag een lijst.'))).toBe('Tweede zin over fietsstraten.');
    expect(covered.get(byText('De lijst volgt.'))).toBe('Tweede zin over fietsstraten.');
    expect(covered.get(byText('Over de grens van het vet.'))).toBe('vet woord');
    expect(covered.get(byText('Loopt over twee alinea’s.'))).toBe('Derde zin.¶Een');
    expect(covered.get(byText('Kop van de tabel.'))).toBe('Kolom met opmerking');
    expect(covered.size).toBe(written.length);
    // Every range is closed and referenced once.
    for (const { id } of written) {
      expect(document.match(new RegExp(`<w:commentRangeEnd w:id="${id}"/>`, 'g'))).toHaveLength(1);
      expect(document.match(new RegExp(`<w:commentReference w:id="${id}"/>`, 'g'))).toHaveLength(1);
    }
    // The text itself is all there, the resolved sentence too, and the file opens in mammoth.
    const { value: text, messages } = await mammoth.extractRawText({ buffer: bytes });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    for (const line of ['Eerste zin. Tweede zin over fietsstraten. Derde zin.', 'Een vet woord in een zin.', 'Opgeloste zin die niet in Word komt.', 'Kolom met opmerking']) {
      expect(text).toContain(line);
    }
  });

  it('writes no comments without the parameter', async () => {
    const { res, bytes } = await docx('');
    expect(res.status).toBe(200);
    const { document, comments } = await parts(bytes);
    expect(comments ?? '').not.toContain('<w:comment ');
    expect(document).not.toContain('commentRangeStart');
    expect(document).toContain('Tweede zin over fietsstraten.');
  });

  it('refuses other values, other formats, and people outside the workspace', async () => {
    for (const query of ['format=docx&comments=all', 'format=docx&comments=', 'format=pdf&comments=open', 'format=markdown&comments=open']) {
      const res = await call(server.url, 'GET', `/api/documents/${owner.documentId}/export?${query}`, { token: owner.token });
      expect(res.status, query).toBe(422);
      expect(res.body.error.field, query).toBe('comments');
    }
    // A commenter elsewhere is nobody here: the document does not exist for them.
    const elsewhere = await registerUser(server.url, { name: 'Buitenstaander' });
    const theirs = await createWorkspace(server.url, elsewhere.token, 'Andere werkruimte');
    const outsider = await addMember(server.url, elsewhere.token, theirs.id, 'commenter');
    for (const token of [outsider.token, elsewhere.token]) {
      const { res, bytes } = await docx('&comments=open', token);
      expect(res.status).toBe(404);
      expect(bytes.toString()).not.toContain('fietsstraten');
    }
    expect((await docx('&comments=open', 'not-a-token')).res.status).toBe(401);
  });
});
