/**
 * Documents nested deeper than any editor makes (thousands of blockquotes planted by a raw
 * client) overflow the stack of every recursive reader: y-tiptap, ProseMirror, the
 * renderers. Before reading, the export flattens each element at the depth limit into a
 * paragraph of its text, so what lies deeper is still shown, as plain text, and the rest of
 * the document renders as it is. Runs on the export's private copy, never on a room's doc.
 */
import * as Y from 'yjs';

/** The content depth limit of CONTRACT §3 (the editor's own schema needs about 20). */
export const MAX_CONTENT_DEPTH = 64;

type Parent = Y.XmlFragment | Y.XmlElement;

/** Replaces every element at `maxDepth` that has element children by a paragraph of its text; returns how many. */
export function flattenTooDeep(fragment: Y.XmlFragment, maxDepth = MAX_CONTENT_DEPTH): number {
  let flattened = 0;
  const stack: [Parent, number][] = [[fragment, 0]];
  fragment.doc!.transact(() => {
    while (stack.length > 0) {
      const [parent, depth] = stack.pop()!;
      parent.toArray().forEach((child, index) => {
        if (!(child instanceof Y.XmlElement)) return;
        if (depth + 1 < maxDepth) {
          stack.push([child, depth + 1]);
          return;
        }
        if (!child.toArray().some((c) => c instanceof Y.XmlElement)) return;
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(textOf(child))]);
        emptyBottomUp(child);
        parent.delete(index, 1);
        parent.insert(index, [paragraph]);
        flattened++;
      });
    }
  });
  return flattened;
}

/**
 * Deletes everything below `root`, deepest first: Yjs deletes a type's children
 * recursively, which would overflow the stack on a deep chain; children already deleted
 * are skipped, so each delete here stays shallow.
 */
function emptyBottomUp(root: Y.XmlElement): void {
  const order: [Y.XmlElement, number][] = [];
  const stack: Y.XmlElement[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.toArray();
    children.forEach((child, index) => {
      if (child instanceof Y.XmlElement) stack.push(child);
      order.push([node, index]);
    });
  }
  // Reverse pre-order: descendants before ancestors, later siblings before earlier ones,
  // so every recorded index still names the same child when its turn comes.
  for (let i = order.length - 1; i >= 0; i--) {
    const [parent, index] = order[i]!;
    parent.delete(index, 1);
  }
}

/** All text below `root`, blocks separated by a space; iterative, whatever the depth. */
function textOf(root: Y.XmlElement): string {
  const parts: string[] = [];
  const stack: (Y.XmlElement | Y.XmlText | Y.XmlHook)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) {
      parts.push(node.toDelta().map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
    } else if (node instanceof Y.XmlElement) {
      stack.push(...node.toArray().reverse());
    }
  }
  return parts.filter((p) => p !== '').join(' ');
}
