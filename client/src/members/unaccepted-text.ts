/**
 * Text someone typed that the server did not take (they had just lost the right to edit):
 * found by comparing the local copy with the server's, kept in localStorage until they
 * dismiss it, so neither a reload nor the reset to the server's version loses a word.
 */
interface PmNode {
  type?: string;
  text?: string;
  content?: PmNode[];
}

const BLOCKS_WITH_TEXT = new Set(['paragraph', 'heading', 'codeBlock']);

/** The text of each paragraph, heading and code block, in order. */
export function blockTexts(node: PmNode, out: string[] = []): string[] {
  if (node.type && BLOCKS_WITH_TEXT.has(node.type)) {
    const text = inlineText(node).trim();
    if (text) out.push(text);
    return out;
  }
  for (const child of node.content ?? []) blockTexts(child, out);
  return out;
}

function inlineText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(inlineText).join('');
}

/** Blocks of the local version that the server's version does not have (each occurrence counts). */
export function unacceptedBlocks(local: PmNode, server: PmNode): string[] {
  const remaining = new Map<string, number>();
  for (const block of blockTexts(server)) remaining.set(block, (remaining.get(block) ?? 0) + 1);
  const missing: string[] = [];
  for (const block of blockTexts(local)) {
    const left = remaining.get(block) ?? 0;
    if (left > 0) remaining.set(block, left - 1);
    else missing.push(block);
  }
  return missing;
}

const KEY = (userId: string, documentId: string) => `stadskamer.unaccepted.${userId}.${documentId}`;

export function keepUnaccepted(userId: string, documentId: string, text: string): void {
  try {
    localStorage.setItem(KEY(userId, documentId), text);
  } catch {
    // Without storage the text still shows until the page is left.
  }
}

export function loadUnaccepted(userId: string, documentId: string): string | null {
  try {
    return localStorage.getItem(KEY(userId, documentId));
  } catch {
    return null;
  }
}

export function dropUnaccepted(userId: string, documentId: string): void {
  try {
    localStorage.removeItem(KEY(userId, documentId));
  } catch {
    // Nothing stored.
  }
}
