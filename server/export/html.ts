/**
 * ProseMirror JSON → a small standalone HTML document.
 *
 * Why this renderer: @tiptap/static-renderer's html-string mode builds the string
 * straight from each extension's own renderHTML, so the markup is the editor's
 * (including the Link extension's refusal of `javascript:` targets), with every text
 * and attribute escaped, and no DOM at all. @tiptap/html would need happy-dom, a whole
 * emulated window per export, for the same markup.
 */
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { editorExtensions, editorSchema, type DocJSON } from './prosemirror';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The body markup of `doc`, exactly as the editor would render it. */
export function docToHtmlFragment(doc: DocJSON): string {
  return renderToHTMLString({ content: editorSchema.nodeFromJSON(doc), extensions: editorExtensions });
}

/** A complete HTML document: the title in <title> and as <h1>, then the content. */
export function docToHtmlDocument(doc: DocJSON, title: string): string {
  const safeTitle = escapeHtml(title);
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${safeTitle}</title>`,
    '</head>',
    '<body>',
    `<h1>${safeTitle}</h1>`,
    docToHtmlFragment(doc),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
