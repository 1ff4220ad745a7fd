/**
 * Suggestions against the live text, on the server: does an anchor still stand on the text
 * it names, and accepting one as a new change. Loaded on first use (the ProseMirror schema
 * is heavy), like server/versions/version-content.ts.
 */
import { Fragment, Slice, type Mark, type Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { ProsemirrorMapping } from '../../shared/comment-anchors';
import { BLOCK_SEPARATOR, rangeStillReads, resolveSuggestionRange } from '../../shared/suggestion-anchors';
import { CONTENT_FRAGMENT, editorSchema, withReadableCopy } from '../export/prosemirror';
import type { SuggestionText } from './suggestion-repository';

export interface Range {
  from: number;
  to: number;
}

/** Where each suggestion stands in `doc` now, or null when it no longer reads its `deletedText`. */
function placeAll<T>(doc: Y.Doc, suggestions: readonly T[], textOf: (s: T) => SuggestionText): { pm: PMNode; ranges: (Range | null)[] } {
  return withReadableCopy(doc, (fragment, copy) => {
    // The copy keeps every item's id, so relative positions resolve in it as in `doc`.
    const { doc: pm, mapping } = initProseMirrorDoc(fragment, editorSchema);
    const ranges = suggestions.map((s) => {
      const text = textOf(s);
      const range = resolveSuggestionRange(text, copy, fragment, mapping as ProsemirrorMapping);
      return range && rangeStillReads(pm, range, text.deletedText) ? range : null;
    });
    return { pm, ranges };
  });
}

/** True when the suggestion's anchor resolves in `doc` and its range reads `deletedText`. */
export function standsOn(doc: Y.Doc, suggestion: SuggestionText): boolean {
  return placeAll(doc, [suggestion], (s) => s).ranges[0] !== null;
}

/**
 * `insertText` as content for the range: one paragraph per line, open at both sides, so
 * text inserted inside a paragraph (or list item, or table cell) joins it and each "\n"
 * splits it. The text carries the marks found where it goes, as typing there would.
 */
function insertion(pm: PMNode, range: Range, text: string): Slice {
  if (text === '') return Slice.empty;
  const $from = pm.resolve(range.from);
  const found: readonly Mark[] = range.from === range.to ? $from.marks() : ($from.marksAcross(pm.resolve(range.to)) ?? []);
  const marks = found.filter((m) => $from.parent.type.allowsMarkType(m.type));
  const lines = text.split(BLOCK_SEPARATOR);
  const paragraphs = lines.map((line) => editorSchema.nodes.paragraph!.create(null, line === '' ? null : editorSchema.text(line, marks)));
  return new Slice(Fragment.from(paragraphs), 1, 1);
}

/** `pm` with the suggestion applied at `range`, or null when the schema cannot take it there. */
function replaced(pm: PMNode, range: Range, insertText: string): PMNode | null {
  try {
    const tr = new Transform(pm).replace(range.from, range.to, insertion(pm, range, insertText));
    tr.doc.check();
    return tr.doc;
  } catch {
    return null;
  }
}

export interface Applied<T> {
  suggestion: T;
  /** The update of the suggestion's own transaction (null: it changed nothing). */
  update: Uint8Array | null;
}

/**
 * Accepts `suggestions` into `live`: each one that still reads its `deletedText` becomes
 * one NEW transaction (origin `origin`) made with y-tiptap's updateYFragment, the minimal
 * diff the editor makes for a keystroke, so everything around it keeps its Yjs items (and
 * the anchors of other suggestions and comments). Applied from the end of the document
 * backwards, so the positions of those still to come stay valid; one transaction each, so
 * that each change can be credited to its own suggester. Overlapping ones after the first
 * are outdated. Synchronous: nothing else can change `live` meanwhile.
 */
export function acceptInto<T>(
  live: Y.Doc,
  suggestions: readonly T[],
  textOf: (s: T) => SuggestionText,
  origin: object,
): { applied: Applied<T>[]; outdated: T[] } {
  const { pm, ranges } = placeAll(live, suggestions, textOf);
  const outdated: T[] = [];
  const placed: { suggestion: T; range: Range }[] = [];
  suggestions.forEach((s, i) => {
    const range = ranges[i];
    if (range) placed.push({ suggestion: s, range });
    else outdated.push(s);
  });
  placed.sort((a, b) => b.range.from - a.range.from || b.range.to - a.range.to);
  const fragment = live.getXmlFragment(CONTENT_FRAGMENT);
  const applied: Applied<T>[] = [];
  let current = pm;
  let limit = Infinity;
  for (const { suggestion, range } of placed) {
    // One that reaches into a range already applied waits (stays pending) for a second look.
    const next = range.to <= limit ? replaced(current, range, textOf(suggestion).insertText) : null;
    if (!next) {
      outdated.push(suggestion);
      continue;
    }
    current = next;
    limit = range.from;
    applied.push({ suggestion, update: transact(live, origin, () => updateYFragment(live, fragment, next, { mapping: new Map(), isOMark: new Map() })) });
  }
  return { applied, outdated };
}

/** Runs `change` as one transaction with `origin`; answers the update it produced (null if none). */
function transact(doc: Y.Doc, origin: object, change: () => void): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array, o: unknown) => {
    if (o === origin) updates.push(update);
  };
  doc.on('update', capture);
  try {
    doc.transact(change, origin);
  } finally {
    doc.off('update', capture);
  }
  return updates.length === 0 ? null : Y.mergeUpdates(updates);
}
