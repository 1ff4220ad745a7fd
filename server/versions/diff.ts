/**
 * What changed between two states of one text document, and who changed it: both states
 * merged into one Yjs document that keeps deleted content (gc off), then every item
 * judged against the two snapshots — present only in the newer one is added, only in the
 * older one removed. Text items are cut wherever visibility or the person changes, so one
 * merged item never carries two people's words under one name.
 */
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { CHANGE_MARK, type ChangeAttrs } from '../../shared/versions';
import { CONTENT_FRAGMENT, editorSchema } from '../export/prosemirror';
import type { RunIndex } from './run-index';
import { snapshotOf } from './snapshot';

type State = 'same' | 'added' | 'removed';
/** Node attributes as y-tiptap stores them (any value Yjs holds). */
type Attrs = Record<string, string>;

export interface StateDiff {
  content: { type: 'doc'; content: JSONContent[] };
  /** Characters added and removed per person ('' for unknown). */
  counts: Map<string, { added: number; removed: number }>;
}

interface Ends {
  older: Y.Snapshot;
  newer: Y.Snapshot;
  runs: RunIndex;
  counts: StateDiff['counts'];
}

/** `older` and `newer` are whole encoded states of one document, `older` first in time. */
export function diffStates(older: Uint8Array, newer: Uint8Array, runs: RunIndex): StateDiff {
  const merged = new Y.Doc({ gc: false });
  try {
    const ends: Ends = { older: snapshotOf(older), newer: snapshotOf(newer), runs, counts: new Map() };
    Y.applyUpdate(merged, older);
    Y.applyUpdate(merged, newer);
    const content = children(merged.getXmlFragment(CONTENT_FRAGMENT), ends);
    return { content: { type: 'doc', content }, counts: ends.counts };
  } finally {
    merged.destroy();
  }
}

function visible(snap: Y.Snapshot, client: number, clock: number): boolean {
  return (snap.sv.get(client) ?? 0) > clock && !Y.isDeleted(snap.ds, Y.createID(client, clock));
}

function stateAt(ends: Ends, client: number, clock: number): State | null {
  const inOld = visible(ends.older, client, clock);
  const inNew = visible(ends.newer, client, clock);
  if (inOld && inNew) return 'same';
  if (inNew) return 'added';
  if (inOld) return 'removed';
  return null;
}

function changeOf(ends: Ends, state: State, client: number, clock: number, chars: number): ChangeAttrs | null {
  if (state === 'same') return null;
  const by = ends.runs.personAt(state === 'added' ? 'insert' : 'delete', client, clock);
  if (chars > 0) {
    const count = ends.counts.get(by ?? '') ?? { added: 0, removed: 0 };
    count[state] += chars;
    ends.counts.set(by ?? '', count);
  }
  return { kind: state, by };
}

/** The children of a fragment or element, deleted ones included, in document order. */
function children(parent: Y.XmlFragment | Y.XmlElement<Attrs>, ends: Ends): JSONContent[] {
  const out: JSONContent[] = [];
  for (let item = parent._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) continue;
    const type: unknown = item.content.type;
    if (type instanceof Y.XmlElement) {
      const node = element(type as Y.XmlElement<Attrs>, item, ends);
      if (node) out.push(node);
    } else if (type instanceof Y.XmlText) {
      out.push(...textNodes(type, ends));
    }
  }
  return out;
}

function element(el: Y.XmlElement<Attrs>, item: Y.Item, ends: Ends): JSONContent | null {
  const state = stateAt(ends, item.id.client, item.id.clock);
  if (state === null || !editorSchema.nodes[el.nodeName]) return null;
  const attrs: Record<string, unknown> = { ...el.getAttributes(state === 'removed' ? ends.older : ends.newer) };
  delete attrs.ychange;
  const change = changeOf(ends, state, item.id.client, item.id.clock, 0);
  if (change) attrs.change = change;
  const node: JSONContent = { type: el.nodeName };
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  const content = children(el, ends);
  if (content.length > 0) node.content = content;
  return node;
}

/** The text of one XmlText as ProseMirror text nodes, formatted as in the newer state. */
function textNodes(text: Y.XmlText, ends: Ends): JSONContent[] {
  const out: JSONContent[] = [];
  const formats = new Map<string, unknown>();
  for (let item = text._start; item !== null; item = item.right) {
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (visible(ends.newer, item.id.client, item.id.clock)) {
        if (content.value === null) formats.delete(content.key);
        else formats.set(content.key, content.value);
      }
      continue;
    }
    if (!(content instanceof Y.ContentString)) continue;
    const { client, clock } = item.id;
    for (const [start, end] of segments(item, ends)) {
      const state = stateAt(ends, client, start);
      if (state === null) continue;
      const str = content.str.slice(start - clock, end - clock);
      const change = changeOf(ends, state, client, start, str.length);
      push(out, str, marksOf(formats, change));
    }
  }
  return out;
}

/** Splits an item's clocks wherever either snapshot's visibility or the person may change. */
function segments(item: Y.Item, ends: Ends): [number, number][] {
  const { client, clock: start } = item.id;
  const end = start + item.length;
  const cuts: number[] = [start, end];
  for (const snap of [ends.older, ends.newer]) {
    const sv = snap.sv.get(client) ?? 0;
    if (sv > start && sv < end) cuts.push(sv);
    for (const d of snap.ds.clients.get(client) ?? []) {
      if (d.clock > start && d.clock < end) cuts.push(d.clock);
      if (d.clock + d.len > start && d.clock + d.len < end) cuts.push(d.clock + d.len);
    }
  }
  ends.runs.cuts(client, start, end, cuts);
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push([sorted[i]!, sorted[i + 1]!]);
  return out;
}

function marksOf(formats: Map<string, unknown>, change: ChangeAttrs | null): JSONContent['marks'] {
  const marks: NonNullable<JSONContent['marks']> = [];
  for (const [key, value] of formats) {
    // y-tiptap stores a mark as a text attribute; overlapping marks carry a `--hash` suffix.
    const name = key.split('--')[0]!;
    if (name === 'ychange' || !editorSchema.marks[name]) continue;
    const attrs = value && typeof value === 'object' && Object.keys(value).length > 0 ? (value as Record<string, unknown>) : undefined;
    marks.push(attrs ? { type: name, attrs } : { type: name });
  }
  if (change) marks.push({ type: CHANGE_MARK, attrs: { ...change } });
  return marks;
}

/** Adds a text node, joined with the previous one when both carry the same marks. */
function push(out: JSONContent[], text: string, marks: JSONContent['marks']): void {
  if (text === '') return;
  const last = out[out.length - 1];
  const key = JSON.stringify(marks ?? []);
  if (last && last.type === 'text' && JSON.stringify(last.marks ?? []) === key) {
    last.text += text;
    return;
  }
  out.push(marks && marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
}
