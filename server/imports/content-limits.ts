import type { JSONContent } from '@tiptap/core';
import { CONTENT_LIMITS } from '../../shared/content-constants';

export interface ContentSize {
  depth: number;
  /** Nodes plus text characters: an upper bound of the Yjs items the content becomes. */
  items: number;
}

export function measureContent(node: JSONContent, depth = 1): ContentSize {
  let size: ContentSize = { depth, items: 1 + (node.text?.length ?? 0) };
  for (const child of node.content ?? []) {
    const inner = measureContent(child, depth + 1);
    size = { depth: Math.max(size.depth, inner.depth), items: size.items + inner.items };
    // Stop early: a hostile file may be far larger than the limit.
    if (size.items > CONTENT_LIMITS.maxItems) return size;
  }
  return size;
}

export function withinContentLimits(size: ContentSize): boolean {
  return size.depth <= CONTENT_LIMITS.maxDepth && size.items <= CONTENT_LIMITS.maxItems;
}
