/**
 * Small constructors for ProseMirror JSON in the editor's schema, so board exports and
 * generated drafts are built as documents, never as markup strings.
 */
import type { JSONContent } from '@tiptap/core';

type Mark = NonNullable<JSONContent['marks']>[number];

/** Inline content for `text`: its line breaks become hard breaks (empty text: none). */
export function inlineText(text: string, marks?: Mark[]): JSONContent[] {
  const content: JSONContent[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    if (line !== '') content.push(marks ? { type: 'text', text: line, marks } : { type: 'text', text: line });
  });
  return content;
}

export function paragraph(content: JSONContent[]): JSONContent {
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function heading(level: number, text: string): JSONContent {
  return { type: 'heading', attrs: { level }, content: inlineText(text) };
}

export function list(type: 'bulletList' | 'orderedList', items: JSONContent[][]): JSONContent {
  return {
    type,
    ...(type === 'orderedList' ? { attrs: { start: 1 } } : {}),
    content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
  };
}
