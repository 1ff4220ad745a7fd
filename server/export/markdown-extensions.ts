/**
 * StarterKit as @tiptap/markdown serialises it, with the few renderers replaced where
 * the stock ones let document text turn into Markdown syntax. Text itself is written by
 * escapeMarkdownText (markdown.ts puts it in place of the stock encoder); what the stock
 * renderers leave open is fixed here:
 * - a paragraph line that starts like a block (`# `, `- `, `1. `, `===`, `> `) becomes one;
 * - a heading ending in `#` loses it as a closing sequence;
 * - a code block or code span containing backticks ends early, and what follows is
 *   parsed as Markdown (raw HTML included);
 * - link targets are written as typed: `javascript:` survives, spaces and parentheses
 *   cut the link short.
 * Only rendering changes; the schema is StarterKit's, so these extensions never
 * meet the editor.
 */
import type { Extensions, JSONContent, MarkdownRendererHelpers, RenderContext } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Heading } from '@tiptap/extension-heading';
import { CodeBlock } from '@tiptap/extension-code-block';
import { Code } from '@tiptap/extension-code';
import { Link } from '@tiptap/extension-link';
import { isSafeHref } from './safe-links';
import { TableKit } from '@tiptap/extension-table';
import { Image } from '@tiptap/extension-image';

/** Attributes the Markdown pre-pass puts on a `code` mark (see markdown.ts). */
export interface CodeSpanAttrs {
  backticks: number;
  padded: boolean;
}

type Render = (node: JSONContent, helpers: MarkdownRendererHelpers, ctx: RenderContext) => string;

function stockRenderer(render: Render | undefined, name: string): Render {
  if (!render) throw new Error(`@tiptap/markdown renderer for ${name} is missing`);
  return render;
}

const renderParagraph = stockRenderer(Paragraph.config.renderMarkdown, 'paragraph');
const renderHeading = stockRenderer(Heading.config.renderMarkdown, 'heading');

/**
 * Makes one line of inline Markdown start as text. Leading blanks go because Markdown
 * drops up to three and turns four into a code block.
 */
export function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, '')
    .replace(/^#/, '\\#')
    .replace(/^([-+=>])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * Text as a person reads it in the .md file, escaped only where Markdown would read it as
 * syntax: the inline delimiters, `&` where it would start an entity (`&amp;`, `&#38;`), and
 * `<` where it would start a tag, comment or autolink. "Zorg & welzijn" stays as it is;
 * @tiptap/markdown's own encoder wrote `Zorg &amp; welzijn`, which a reader of the file
 * (and any tool that does not render Markdown) takes for the text. `>` matters only at the
 * start of a line, which escapeLineStart handles.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, '\\$&')
    .replace(/&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)/g, '\\&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

function escapeEveryLineStart(markdown: string): string {
  return markdown.split('\n').map(escapeLineStart).join('\n');
}

/** Longest run of backticks in `text`, 0 when there is none. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

function safeLanguage(language: unknown): string {
  return typeof language === 'string' && /^[\w#+.-]{1,40}$/.test(language) ? language : '';
}

/**
 * A link target that is allowed (same rule as the Link extension: no `javascript:`
 * and friends) and cannot break out of `(...)`; null when the link must go.
 */
export function markdownHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  if (!isSafeHref(href)) return null;
  // `\&` keeps a Markdown renderer from decoding entities in the target at all.
  return href
    .trim()
    .replace(/[\s()<>\\\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/&/g, '\\&');
}

function markdownTitle(title: unknown): string {
  if (typeof title !== 'string' || title.trim() === '') return '';
  return ` "${title.replace(/\s+/g, ' ').replace(/["\\]/g, '\\$&')}"`;
}

const SafeParagraph = Paragraph.extend({
  renderMarkdown: (node, h, ctx) => escapeEveryLineStart(renderParagraph(node, h, ctx)),
});

const SafeHeading = Heading.extend({
  // The pre-pass already folded line breaks into spaces: an ATX heading is one line.
  renderMarkdown: (node, h, ctx) => renderHeading(node, h, ctx).replace(/#(\s*)$/, '\\#$1'),
});

const SafeCodeBlock = CodeBlock.extend({
  renderMarkdown: (node) => {
    const text = (node.content ?? []).map((child) => child.text ?? '').join('');
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
    return `${fence}${safeLanguage(node.attrs?.language)}\n${text}\n${fence}`;
  },
});

const SafeCode = Code.extend({
  // @tiptap/markdown renders marks around a placeholder, so the span cannot see its
  // own text; the pre-pass measured it and left the fence length in the attributes.
  renderMarkdown: (node, h) => {
    const attrs = node.attrs as Partial<CodeSpanAttrs> | undefined;
    const fence = '`'.repeat(Math.max(1, attrs?.backticks ?? 1));
    const pad = attrs?.padded ? ' ' : '';
    return `${fence}${pad}${h.renderChildren(node.content ?? [])}${pad}${fence}`;
  },
});

const SafeLink = Link.extend({
  renderMarkdown: (node, h) => {
    const text = h.renderChildren(node.content ?? []);
    const href = markdownHref(node.attrs?.href);
    return href === null ? text : `[${text}](${href}${markdownTitle(node.attrs?.title)})`;
  },
});

export const markdownExtensions: Extensions = [
  StarterKit.configure({ undoRedo: false, paragraph: false, heading: false, codeBlock: false, code: false, link: false }),
  SafeParagraph,
  SafeHeading,
  SafeCodeBlock,
  SafeCode,
  SafeLink,
  TableKit,
  Image,
];
