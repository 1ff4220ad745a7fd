import * as Y from 'yjs';

/**
 * The searchable text of a document's content: the editor's `default` fragment for text
 * documents, column titles and card texts for boards (CONTRACT §3 "Document content").
 * Reads without converting through the editor schema, so it works on any content,
 * including content the schema would reject.
 */
export function documentText(doc: Y.Doc, kind: string): string {
  if (kind === 'board') return boardText(doc);
  const parts: string[] = [];
  collect(doc.getXmlFragment('default'), parts, 0);
  return parts.join('').replace(/[ \t]+/g, ' ').replace(/\n{2,}/g, '\n').trim();
}

/** Deeper content is refused by the socket anyway; stop well before the stack would. */
const MAX_DEPTH = 200;

function collect(node: Y.XmlFragment | Y.XmlElement, parts: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown }>) {
        if (typeof op.insert === 'string') parts.push(op.insert);
      }
    } else if (child instanceof Y.XmlElement) {
      collect(child, parts, depth + 1);
      // Block boundaries are word boundaries: "einde" + "begin" must not become one word.
      parts.push('\n');
    }
  }
}

function boardText(doc: Y.Doc): string {
  const parts: string[] = [];
  for (const column of doc.getArray<Y.Map<unknown>>('columns').toArray()) {
    const title = column instanceof Y.Map ? column.get('title') : undefined;
    if (typeof title === 'string') parts.push(title);
  }
  for (const card of doc.getMap<Y.Map<unknown>>('cards').values()) {
    const text = card instanceof Y.Map ? card.get('text') : undefined;
    if (typeof text === 'string') parts.push(text);
  }
  return parts.join('\n');
}
