import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * Where `quote` stands in the document now, as a ProseMirror range, or null when it is not
 * there. Block boundaries and runs of whitespace count as one space, so a sentence that was
 * split over two paragraphs, or joined back, is still found. Of several occurrences the one
 * nearest `near` (where the anchor last pointed) wins.
 *
 * Why: a comment anchor names Yjs items, and structural edits — joining, splitting,
 * indenting or moving blocks — make the editor binding rewrite a block's text as new items.
 * The anchor then points at deleted items although its sentence is still in the document.
 */
export function findQuote(doc: PMNode, quote: string, near: number | null): { from: number; to: number } | null {
  const wanted = quote.replace(/\s+/g, ' ').trim();
  if (!wanted) return null;
  let text = '';
  const positions: number[] = [];
  const space = () => {
    if (text.length > 0 && text[text.length - 1] !== ' ') {
      text += ' ';
      positions.push(-1);
    }
  };
  doc.descendants((node, pos) => {
    if (node.isText) {
      const s = node.text!;
      for (let i = 0; i < s.length; i++) {
        if (/\s/.test(s[i]!)) space();
        else {
          text += s[i];
          positions.push(pos + i);
        }
      }
      return false;
    }
    if (node.isBlock) space();
    return true;
  });
  let best: { from: number; to: number } | null = null;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const from = positions[at]!;
    let last = at + wanted.length - 1;
    while (positions[last] === -1) last -= 1;
    const range = { from, to: positions[last]! + 1 };
    if (!best || (near !== null && Math.abs(range.from - near) < Math.abs(best.from - near))) best = range;
    if (near === null) break;
  }
  return best;
}
