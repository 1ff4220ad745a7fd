/**
 * Editors bound to their own Y.Doc through the app's binding (client/src/editor/extensions),
 * joined by a network that can drop: while a peer is offline its updates wait, and on
 * reconnect the peers exchange what the other misses (as y-websocket's sync step 1/2 does).
 */
import { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { documentExtensions } from '../../client/src/editor/extensions';

const REMOTE = Symbol('remote');

export interface Peer {
  name: string;
  doc: Y.Doc;
  editor: Editor;
  online: boolean;
}

/** A typing session: what one person typed in one go, and the Yjs ids it created. */
export interface Session {
  peer: string;
  /** Sessions of one round are concurrent; a later round may type inside an earlier one. */
  round: number;
  text: string;
  client: number;
  clocks: [number, number];
}

export class Network {
  readonly peers: Peer[] = [];
  readonly sessions: Session[] = [];
  round = 0;

  add(name: string, clientID: number): Peer {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    // Start from what the others have, as a joiner's sync step 2 does.
    for (const other of this.peers) if (other.online) Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc), REMOTE);
    const element = document.createElement('div');
    document.body.append(element);
    const editor = new Editor({ element, extensions: documentExtensions(doc) });
    const peer: Peer = { name, doc, editor, online: true };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || !peer.online) return;
      for (const other of this.peers) if (other !== peer && other.online) Y.applyUpdate(other.doc, update, REMOTE);
    });
    this.peers.push(peer);
    return peer;
  }

  disconnect(peer: Peer): void {
    peer.online = false;
  }

  /** Back online: both sides send what the other lacks (sync step 1 → step 2, both ways). */
  reconnect(peer: Peer): void {
    peer.online = true;
    for (const other of this.peers) {
      if (other === peer || !other.online) continue;
      Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc)), REMOTE);
      Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(peer.doc)), REMOTE);
    }
  }

  /** Types `text` one key at a time at the peer's caret, as the browser's input handling does. */
  type(peer: Peer, text: string): void {
    const start = Y.getState(peer.doc.store, peer.doc.clientID);
    for (const ch of text) {
      const { view } = peer.editor;
      view.dispatch(view.state.tr.insertText(ch));
    }
    this.sessions.push({ peer: peer.name, round: this.round, text, client: peer.doc.clientID, clocks: [start, Y.getState(peer.doc.store, peer.doc.clientID)] });
  }

  destroy(): void {
    for (const p of this.peers) {
      p.editor.destroy();
      p.doc.destroy();
    }
  }
}

/** The first paragraph's characters in document order, each with the Yjs id that made it. */
export function charactersWithIds(doc: Y.Doc): { ch: string; client: number; clock: number }[] {
  const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
  const out: { ch: string; client: number; clock: number }[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    const child = paragraph.get(i);
    if (!(child instanceof Y.XmlText)) continue;
    for (let item = child._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      const str = item.content.str;
      for (let k = 0; k < str.length; k++) out.push({ ch: str[k]!, client: item.id.client, clock: item.id.clock + k });
    }
  }
  return out;
}

/**
 * The typing sessions that are not one contiguous run of their own characters in `doc`
 * (a spliced word), with the text around them for the failure message. What later rounds
 * typed is left out for each check: someone who saw the text may put their caret inside it.
 */
export function splicedSessions(doc: Y.Doc, sessions: Session[]): string[] {
  const all = charactersWithIds(doc);
  const text = all.map((c) => c.ch).join('');
  const roundOf = (c: { client: number; clock: number }) =>
    sessions.find((s) => s.client === c.client && c.clock >= s.clocks[0] && c.clock < s.clocks[1])?.round ?? -1;
  const problems: string[] = [];
  for (const s of sessions) {
    const chars = all.filter((c) => roundOf(c) <= s.round);
    const at = chars.flatMap((c, i) => (c.client === s.client && c.clock >= s.clocks[0] && c.clock < s.clocks[1] ? [i] : []));
    const contiguous = at.length === s.text.length && at.every((v, i) => i === 0 || v === at[i - 1]! + 1);
    const spelled = at.map((i) => chars[i]!.ch).join('');
    if (!contiguous || spelled !== s.text) problems.push(`${s.peer} typed "${s.text}" but the text reads "${text}"`);
  }
  return problems;
}
