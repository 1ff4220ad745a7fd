import * as Y from 'yjs';

/**
 * A document whose content is `depth` blockquotes nested in one another around a paragraph
 * with `text` — what a hostile editor could store before the server's depth limit existed.
 * Built one level at a time on integrated types (Yjs integrates nested preliminary content
 * recursively, which would overflow here too).
 */
export function poisonedDocumentUpdate(depth: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < depth; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
  return Y.encodeStateAsUpdate(doc);
}
