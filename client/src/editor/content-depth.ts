import * as Y from 'yjs';

/**
 * The deepest nesting the editor agrees to render (CONTRACT §3 limits: the server refuses
 * deeper updates; the schema needs about 20). ProseMirror and the Yjs binding build nodes
 * recursively: thousands of nested blockquotes overflow the stack and leave the editor
 * blank, and a keystroke in a blank editor would replace the whole stored document.
 */
export const MAX_CONTENT_DEPTH = 64;

/** Element nesting below `type` (0 for text or an empty element), walked without recursion. */
export function depthBelow(type: Y.XmlFragment | Y.XmlElement | Y.XmlText): number {
  let deepest = 0;
  const stack: [Y.XmlFragment | Y.XmlElement, number][] = type instanceof Y.XmlText ? [] : [[type, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    for (let child = node._first; child; child = child.right) {
      if (child.deleted || !(child.content instanceof Y.ContentType)) continue;
      const inner = child.content.type;
      if (inner instanceof Y.XmlElement) {
        deepest = Math.max(deepest, depth + 1);
        if (deepest > MAX_CONTENT_DEPTH * 4) return deepest; // deep enough to know
        stack.push([inner, depth + 1]);
      }
    }
  }
  return deepest;
}

/** Elements between `type` and the root fragment. */
function depthAbove(type: Y.XmlFragment | Y.XmlElement): number {
  let depth = 0;
  for (let item = type._item; item; item = (item.parent as Y.XmlElement)._item) depth += 1;
  return depth;
}

/** True when a transaction leaves content in `fragment` nested deeper than the limit. */
export function transactionTooDeep(transaction: Y.Transaction, fragment: Y.XmlFragment): boolean {
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlFragment || type instanceof Y.XmlElement)) continue;
    if (type !== fragment && !Y.isParentOf(fragment, type._item)) continue;
    if (depthAbove(type) + depthBelow(type) > MAX_CONTENT_DEPTH) return true;
  }
  return false;
}

/**
 * Stops content nested deeper than MAX_CONTENT_DEPTH before the editor's binding sees it:
 * its recursive rendering would overflow the stack and leave the editor blank — and a
 * keystroke in a blank editor replaces the stored document. Throwing from
 * `beforeObserverCalls` skips the observers of that transaction (Yjs still integrates,
 * stores and emits the update, so nothing is lost); from then on every transaction is
 * stopped the same way, and `onTooDeep` tells the page to show the text read-only instead.
 */
export function guardContentDepth(doc: Y.Doc, fragment: Y.XmlFragment, onTooDeep: () => void): void {
  let tooDeep = false;
  doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    if (!tooDeep && !transactionTooDeep(transaction, fragment)) return;
    if (!tooDeep) {
      tooDeep = true;
      onTooDeep();
    }
    throw new ContentTooDeepError();
  });
}

export class ContentTooDeepError extends Error {
  constructor() {
    super(`document content is nested deeper than ${MAX_CONTENT_DEPTH} levels; shown read-only`);
    this.name = 'ContentTooDeepError';
  }
}

/**
 * The document's text, one entry per text block, for reading and copying when it cannot be
 * rendered; walked without recursion and capped so a hostile document cannot make it huge.
 */
export function plainTextBlocks(fragment: Y.XmlFragment, maxChars = 200_000): string[] {
  const blocks: string[] = [];
  let total = 0;
  const stack: (Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook)[] = [fragment];
  while (stack.length > 0 && total < maxChars) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlHook) continue;
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert: unknown }[];
      const text = delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
      if (text) {
        blocks.push(text);
        total += text.length;
      }
      continue;
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return blocks;
}
