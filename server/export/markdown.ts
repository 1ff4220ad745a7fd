/**
 * ProseMirror JSON → Markdown with @tiptap/markdown's MarkdownManager.
 *
 * Why this renderer: it is TipTap's own Markdown serialiser (the one the editor's
 * Markdown extension uses), needs no DOM, indents nested lists, keeps ordered-list
 * starts, closes overlapping marks properly and escapes inline syntax. The static
 * renderer's Markdown mode flattens nested lists and HTML-escapes code, so it is not
 * used here. What MarkdownManager still leaves open is closed by markdown-extensions.ts
 * plus the pre-pass below.
 */
import type { JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { escapeMarkdownText, longestBacktickRun, markdownExtensions, type CodeSpanAttrs } from './markdown-extensions';
import type { DocJSON } from './prosemirror';

const manager = writingReadableText(new MarkdownManager({ extensions: markdownExtensions }));

/**
 * Puts escapeMarkdownText in place of the manager's text encoder, which entity-encodes
 * `& < >` (`Zorg &amp; welzijn`). The encoder is private in @tiptap/markdown's types, so
 * it is replaced on the instance; if a release renames it, loading this module fails
 * rather than quietly going back to entities.
 */
function writingReadableText(target: MarkdownManager): MarkdownManager {
  if (typeof (MarkdownManager.prototype as unknown as Record<string, unknown>).encodeTextForMarkdown !== 'function') {
    throw new Error('@tiptap/markdown no longer has encodeTextForMarkdown: check server/export/markdown.ts');
  }
  const encode = (text: string, node: JSONContent, parent?: JSONContent): string => {
    const inCode = parent?.type === 'codeBlock' || (node.marks ?? []).some((mark) => mark.type === 'code');
    return inCode ? text : escapeMarkdownText(text);
  };
  Object.defineProperty(target, 'encodeTextForMarkdown', { value: encode });
  return target;
}

const NEWLINE = /\r\n|\r|\n/;

/** A code span's fence must be longer than any backtick run inside it (CommonMark). */
function codeSpanAttrs(text: string): CodeSpanAttrs {
  const inner = text.trim();
  return { backticks: longestBacktickRun(inner) + 1, padded: inner.startsWith('`') || inner.endsWith('`') };
}

function withCodeSpanAttrs(node: JSONContent): JSONContent {
  if (!node.marks?.some((mark) => mark.type === 'code')) return node;
  const attrs = codeSpanAttrs(node.text ?? '');
  return { ...node, marks: node.marks.map((mark) => (mark.type === 'code' ? { ...mark, attrs: { ...attrs } } : mark)) };
}

/**
 * Text the editor shows on separate lines must not run into Markdown's line syntax:
 * a newline inside a text node becomes a hard break, and inside a heading (one line in
 * Markdown) every break becomes a space.
 */
function inlineContent(children: JSONContent[], inHeading: boolean): JSONContent[] {
  const out: JSONContent[] = [];
  for (const child of children) {
    if (child.type === 'hardBreak') {
      out.push(inHeading ? { type: 'text', text: ' ' } : child);
      continue;
    }
    if (child.type !== 'text' || !NEWLINE.test(child.text ?? '')) {
      out.push(child.type === 'text' ? withCodeSpanAttrs(child) : child);
      continue;
    }
    (child.text ?? '').split(NEWLINE).forEach((piece, index) => {
      if (index > 0) out.push(inHeading ? { type: 'text', text: ' ' } : { type: 'hardBreak' });
      if (piece !== '') out.push(withCodeSpanAttrs({ ...child, text: piece }));
    });
  }
  return out;
}

function prepare(node: JSONContent): JSONContent {
  if (!node.content || node.type === 'codeBlock') return node;
  const isInline = node.content.some((child) => child.type === 'text' || child.type === 'hardBreak');
  const content = isInline ? inlineContent(node.content, node.type === 'heading') : node.content.map(prepare);
  return { ...node, content };
}

/** Markdown for `doc`, preceded by `# title`. Ends with one newline. */
export function docToMarkdown(doc: DocJSON, title: string): string {
  const titled: JSONContent = {
    type: 'doc',
    content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }, ...doc.content],
  };
  return `${manager.serialize(prepare(titled)).trimEnd()}\n`;
}
