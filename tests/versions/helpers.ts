import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { yDocToDocJSON } from '../../server/export/prosemirror';

/** Appends (or inserts at `index`) a paragraph with `text` to the editor's fragment, as TipTap would. */
export function addParagraph(doc: Y.Doc, text: string, index?: number): void {
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(index ?? fragment.length, [paragraph]);
}

/** The XmlText of paragraph `i`. */
export function paragraphText(doc: Y.Doc, i: number): Y.XmlText {
  return (doc.getXmlFragment('default').get(i) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Paragraph texts, in order. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((el) => (el as Y.XmlElement).toArray().map((t) => (t as Y.XmlText).toString()).join(''));
}

/** The editor's content of a client's document, as the server reads content. */
export const contentOf = (doc: Y.Doc) => yDocToDocJSON(doc);

/** Every run of changed text in a diff, in document order: [kind, person id, text]. */
export function changedRuns(node: JSONContent, out: [string, string | null, string][] = []): [string, string | null, string][] {
  const change = node.marks?.find((m) => m.type === 'versionChange');
  if (node.type === 'text' && change) out.push([change.attrs!.kind as string, change.attrs!.by as string | null, node.text!]);
  for (const child of node.content ?? []) changedRuns(child, out);
  return out;
}
