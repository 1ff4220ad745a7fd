import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The update shapes issue #11 reproduced, built as a hostile editor would send them.
 * Each builder works on a copy of what the attacker has synced (`base`), so the payload is
 * well-formed Yjs; only its cost is hostile.
 */

/** Deletes aimed at a client the server has never seen: Yjs keeps them pending forever. */
export function deletesOfUnknownClient(ranges = 1_000): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, 987_654_321);
  encoding.writeVarUint(e, ranges);
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(e, i * 2);
    encoding.writeVarUint(e, 1);
  }
  return encoding.toUint8Array(e);
}

/** The second of two edits without the first: its origin is missing on the server. */
export function missingDependency(): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'a');
  const before = Y.encodeStateVector(doc);
  text.insert(1, 'b');
  return Y.encodeStateAsUpdate(doc, before);
}

function edit(base: Uint8Array, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** One long string in `t` (an honest paste), and the client id it was written with. */
export function longText(chars: number): { update: Uint8Array; client: number } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(chars));
  return { update: Y.encodeStateAsUpdate(doc), client: doc.clientID };
}

/**
 * Deletes every other character of a string `client` wrote from clock 0: one delete range
 * and one struct split per character (encoded directly: Yjs itself takes minutes to make it).
 */
export function deleteEveryOther(client: number, deletions: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, deletions);
  for (let i = 0; i < deletions; i++) {
    encoding.writeVarUint(e, 2 * i + 1);
    encoding.writeVarUint(e, 1);
  }
  return encoding.toUint8Array(e);
}

/** `count` one-character items that never merge (each inserted before the previous). */
export function tinyItems(base: Uint8Array, count: number, key = 'flood'): Uint8Array {
  return edit(base, (doc) => {
    const arr = doc.getArray<number>(key);
    doc.transact(() => {
      for (let i = 0; i < count; i++) arr.insert(0, [i]);
    });
  });
}

/** `depth` blockquotes, each inside the previous one, in the editor's fragment. */
export function nested(base: Uint8Array, depth: number): Uint8Array {
  return edit(base, (doc) => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('default');
    for (let i = 0; i < depth; i++) {
      const child: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [child]);
      parent = child;
    }
  });
}

/** An awareness state of about `bytes` of JSON. */
export function bigState(bytes: number): string {
  return JSON.stringify({ cursor: null, pad: 'x'.repeat(Math.max(0, bytes - 30)) });
}
