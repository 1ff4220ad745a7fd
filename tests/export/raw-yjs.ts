/**
 * Writes TipTap content into a Y.Doc the way a raw Yjs client would: Y.XmlElement per
 * node with its attributes, Y.XmlText with one formatting attribute per mark (the
 * layout y-tiptap reads and writes), no ProseMirror involved.
 */
import * as Y from 'yjs';

export type Segment = string | [text: string, marks: Record<string, Record<string, unknown>>];

export type RawNode =
  | { node: string; attrs?: Record<string, unknown>; children?: RawNode[] }
  | { text: Segment[] };

export function el(node: string, attrsOrChildren?: Record<string, unknown> | RawNode[], children?: RawNode[]): RawNode {
  if (Array.isArray(attrsOrChildren)) return { node, children: attrsOrChildren };
  return { node, attrs: attrsOrChildren, children: children ?? [] };
}

export function txt(...segments: Segment[]): RawNode {
  return { text: segments };
}

function write(parent: Y.XmlFragment | Y.XmlElement, nodes: RawNode[]): void {
  for (const raw of nodes) {
    if ('text' in raw) {
      const text = new Y.XmlText();
      parent.push([text]);
      let at = 0;
      for (const segment of raw.text) {
        const [value, marks] = typeof segment === 'string' ? [segment, {}] : segment;
        text.insert(at, value, marks);
        at += value.length;
      }
      continue;
    }
    const element = new Y.XmlElement(raw.node);
    parent.push([element]);
    for (const [key, value] of Object.entries(raw.attrs ?? {})) element.setAttribute(key, value as string);
    write(element, raw.children ?? []);
  }
}

/** A fresh Y.Doc whose `default` fragment holds `nodes`. */
export function rawDoc(nodes: RawNode[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => write(doc.getXmlFragment('default'), nodes));
  return doc;
}
