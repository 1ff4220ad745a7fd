/**
 * Pending suggestions as Word tracked changes, rendered without a server: the anchors are
 * made as the editor makes them (shared/suggestion-anchors.ts), placed by the worker's own
 * code (annotated-content.ts) and read back from the .docx's word/document.xml.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeXML } from 'entities';
import { encodeSuggestionAnchor, textOfRange } from '../../shared/suggestion-anchors';
import type { ProsemirrorMapping } from '../../shared/comment-anchors';
import { docJSONToYUpdate, editorSchema } from '../../server/export/prosemirror';
import { annotatedContent } from '../../server/export/annotated-content';
import { renderDocx } from '../../server/export/docx';
import type { ExportSuggestion } from '../../server/export/tracked-changes';

const t = (text: string, marks: string[] = []): JSONContent => (marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const cell = (text: string): JSONContent => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t(text))] });

const META = { title: 'Nota', kindLabel: 'Netwerknota', status: 'draft' as const, date: new Date('2026-12-01T10:00:00Z'), workspace: 'W', organisations: [] };

function docOf(content: JSONContent[]): { ydoc: Y.Doc; pm: PMNode; fragment: Y.XmlFragment; mapping: ProsemirrorMapping } {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, docJSONToYUpdate({ type: 'doc', content }));
  const fragment = ydoc.getXmlFragment('default');
  const { doc, mapping } = initProseMirrorDoc(fragment, editorSchema);
  return { ydoc, pm: doc, fragment, mapping: mapping as ProsemirrorMapping };
}

/** `needle`'s range inside the textblock that holds it (the first one). */
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

interface Change {
  kind: 'ins' | 'del';
  id: string;
  author: string;
  date: string;
  text: string;
}

/** Every w:ins and w:del run change in document order, with the text it holds. */
function changes(xml: string): Change[] {
  // Not the self-closing marks in a paragraph's properties (an inserted or deleted paragraph end).
  return [...xml.matchAll(/<w:(ins|del) ([^>]*[^/])>([\s\S]*?)<\/w:\1>/g)].map(([, kind, attrs, body]) => ({
    kind: kind as 'ins' | 'del',
    id: /w:id="(\d+)"/.exec(attrs!)![1]!,
    author: decodeXML(/w:author="([^"]*)"/.exec(attrs!)![1]!),
    date: /w:date="([^"]*)"/.exec(attrs!)![1]!,
    text: [...body!.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => decodeXML(m[1]!)).join(''),
  }));
}

async function render(content: JSONContent[], make: (d: ReturnType<typeof docOf>) => ExportSuggestion[]): Promise<{ xml: string; bytes: Buffer }> {
  const d = docOf(content);
  const placed = annotatedContent(d.ydoc, [], make(d));
  const bytes = await renderDocx(placed.content, META, new Map(), placed.comments);
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return { xml, bytes };
}

function suggestion(d: ReturnType<typeof docOf>, range: { from: number; to: number }, insertText: string, author = 'Anna Peeters (Stad Gent)', createdAt = '2026-11-30T09:15:00.000Z'): ExportSuggestion {
  return { anchor: encodeSuggestionAnchor(range.from, range.to, d.fragment, d.mapping), deletedText: textOfRange(d.pm, range.from, range.to), insertText, author, createdAt };
}

describe('pending suggestions as Word tracked changes', () => {
  it('writes a replacement across a bold run as deletions in their formatting, then the insertion', async () => {
    const { xml, bytes } = await render([p(t('Een '), t('vet', ['bold']), t(' woord in een zin.'))], (d) => [suggestion(d, rangeOf(d.pm, 'vet woord'), 'sterk begrip')]);
    const found = changes(xml);
    expect(found.map(({ kind, text, author, date }) => ({ kind, text, author, date }))).toEqual([
      { kind: 'del', text: 'vet', author: 'Anna Peeters (Stad Gent)', date: '2026-11-30T09:15:00.000Z' },
      { kind: 'del', text: ' woord', author: 'Anna Peeters (Stad Gent)', date: '2026-11-30T09:15:00.000Z' },
      { kind: 'ins', text: 'sterk begrip', author: 'Anna Peeters (Stad Gent)', date: '2026-11-30T09:15:00.000Z' },
    ]);
    // The deleted "vet" keeps its bold; each change has an id of its own.
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:rPr><w:b\/>[^]*?<w:delText[^>]*>vet<\/w:delText>/);
    expect(new Set(found.map((c) => c.id)).size).toBe(found.length);
    // Unchanged text is still plain text around them; mammoth reads the file.
    expect(xml).toContain('>Een </w:t>');
    expect(xml).toContain('> in een zin.</w:t>');
    const { messages } = await mammoth.extractRawText({ buffer: bytes });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('writes a replacement in a table cell and a pure insertion, each by its own author', async () => {
    const table: JSONContent = { type: 'table', content: [{ type: 'tableRow', content: [cell('Budget 2026'), cell('Fietsstraten')] }] };
    const { xml } = await render([p(t('Inleiding.')), table], (d) => [
      suggestion(d, rangeOf(d.pm, '2026'), '2027', 'Karim El Amrani (Stad Antwerpen)', '2026-11-29T08:00:00.000Z'),
      suggestion(d, { from: rangeOf(d.pm, 'Inleiding').to, to: rangeOf(d.pm, 'Inleiding').to }, ' en doel'),
    ]);
    const found = changes(xml).map(({ kind, text, author }) => ({ kind, text, author }));
    expect(found).toEqual([
      { kind: 'ins', text: ' en doel', author: 'Anna Peeters (Stad Gent)' },
      { kind: 'del', text: '2026', author: 'Karim El Amrani (Stad Antwerpen)' },
      { kind: 'ins', text: '2027', author: 'Karim El Amrani (Stad Antwerpen)' },
    ]);
    // The cell's change stands inside the table cell.
    expect(xml).toMatch(/<w:tc>(?:(?!<\/w:tc>)[^])*<w:delText[^>]*>2026<\/w:delText>(?:(?!<\/w:tc>)[^])*<\/w:tc>/);
  });

  it('makes "\\n" in proposed text a new paragraph with an inserted paragraph mark', async () => {
    const { xml, bytes } = await render([p(t('Eerste zin. Laatste zin.'))], (d) => {
      const at = rangeOf(d.pm, 'Eerste zin.').to;
      return [suggestion(d, { from: at, to: at }, ' Tweede zin.\nNieuwe alinea.')];
    });
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[1] ?? m[2] ?? '');
    const split = paragraphs.findIndex((body) => body.includes('Tweede zin.'));
    expect(split).toBeGreaterThanOrEqual(0);
    // The first part ends with an inserted paragraph mark; the second holds the new line and the rest.
    expect(paragraphs[split]).toMatch(/<w:pPr>[^]*<w:rPr><w:ins w:id="\d+" w:author="Anna Peeters \(Stad Gent\)"/);
    expect(paragraphs[split + 1]).toContain('Nieuwe alinea.');
    expect(paragraphs[split + 1]).toContain(' Laatste zin.');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    expect(value).toContain('Eerste zin. Tweede zin.\n');
  });

  it('marks the paragraph mark deleted when a suggestion joins two paragraphs', async () => {
    const { xml } = await render([p(t('Derde zin.')), p(t('Een vierde.'))], (d) => [suggestion(d, { from: rangeOf(d.pm, 'zin.').from, to: rangeOf(d.pm, 'Een').to }, '')]);
    expect(changes(xml).map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'del', text: 'zin.' },
      { kind: 'del', text: 'Een' },
    ]);
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>)[^])*<w:rPr><w:del w:id="\d+" w:author="Anna Peeters \(Stad Gent\)"/);
  });

  it('leaves out a suggestion whose text no longer reads what it was made on', async () => {
    const { xml } = await render([p(t('De stad groeit.'))], (d) => [{ ...suggestion(d, rangeOf(d.pm, 'stad'), 'regio'), deletedText: 'gemeente' }]);
    expect(changes(xml)).toEqual([]);
    expect(xml).toContain('De stad groeit.');
  });
});
