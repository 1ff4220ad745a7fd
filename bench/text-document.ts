import * as Y from 'yjs';

const WORDS = ['stad', 'netwerk', 'bestuur', 'buurt', 'beleid', 'atelier'];

/**
 * Fills `default` with short TipTap-shaped paragraphs in one transaction. Yjs spends about
 * 45 bytes per paragraph on structure, so ~10 characters of text each make 20,000
 * paragraphs the ~1 MB document of the bench.
 */
export function fillParagraphs(doc: Y.Doc, paragraphs: number): void {
  const fragment = doc.getXmlFragment('default');
  const blocks: Y.XmlElement[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`${i + 1} ${WORDS[i % WORDS.length]}`)]);
    blocks.push(p);
  }
  doc.transact(() => fragment.insert(0, blocks));
}

export function paragraphCount(doc: Y.Doc): number {
  return doc.getXmlFragment('default').length;
}
