/**
 * Link targets in exports: refused when their scheme, read the way a browser or a Markdown
 * renderer will read it, is not an allowed one. CommonMark decodes HTML entities in link
 * destinations, so `javascript&colon;alert(1)` or `&#106;avascript:` would become a script
 * link in whatever renders the Markdown; the check therefore runs on the decoded target
 * (decoded until it no longer changes, for `&amp;colon;` and friends), with whitespace and
 * control characters removed as browsers do.
 */
import type { JSONContent } from '@tiptap/core';
import { isAllowedUri } from '@tiptap/extension-link';
import { decodeHTML } from 'entities';

const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/** The target as a browser would see its scheme: entities decoded, invisible characters gone. */
export function decodedTarget(href: string): string {
  let current = href;
  for (let i = 0; i < 5; i++) {
    const next = decodeHTML(current);
    if (next === current) break;
    current = next;
  }
  return current.replace(INVISIBLE, '');
}

/** True when `href` is a link the editor itself would allow (http, https, mailto, … or relative). */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.trim() === '') return false;
  return Boolean(isAllowedUri(href.trim())) && Boolean(isAllowedUri(decodedTarget(href)));
}

/**
 * A copy of `node` in which every link mark with a refused target is removed (its text
 * stays). Iterative, so that a deeply nested document cannot overflow the stack here.
 */
export function withSafeLinks<T extends JSONContent>(root: T): T {
  const copy = structuredClone(root);
  const stack: JSONContent[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.marks) node.marks = node.marks.filter((m) => m.type !== 'link' || isSafeHref(m.attrs?.href));
    if (node.content) stack.push(...node.content);
  }
  return copy;
}
