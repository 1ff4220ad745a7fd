/**
 * Pending suggestions placed on their text as Word tracked changes (`?suggestions=pending`):
 * each anchor is resolved the way the editor resolves it (shared/suggestion-anchors.ts);
 * one whose text no longer reads what it was made on is left out, as the editor leaves it
 * out. The replaced text is marked deleted, the proposed text added as an inserted node
 * right after it; docx-content.ts writes them as w:del and w:ins.
 */
import type { JSONContent } from '@tiptap/core';
import { rangeStillReads, resolveSuggestionRange } from '../../shared/suggestion-anchors';
import type { EncodedAnchor } from '../../shared/comment-anchors';
import type { AnchorContext } from './annotated-content';
import { covered, type PlacedText, type Textblock } from './text-pieces';

/** A pending suggestion as the export needs it: no ids of people. */
export interface ExportSuggestion {
  anchor: EncodedAnchor;
  deletedText: string;
  /** "\n" starts a new paragraph. */
  insertText: string;
  /** "Name (Organisation)" */
  author: string;
  /** ISO 8601 */
  createdAt: string;
}

/** Who made a tracked change and when; Word's revision id is given when the file is written. */
export interface Revision {
  author: string;
  date: string;
}

/** The node type of proposed text in the export's content (never in the editor's schema). */
export const TRACKED_INSERT = 'trackedInsert';

/** Set on text nodes: this text is proposed for deletion. */
export interface TrackedDeletion {
  trackedDeletion?: Revision;
}

/** Set on a textblock: its end (the paragraph mark) is proposed for deletion, joining it to the next. */
export interface TrackedMarkDeletion {
  trackedMarkDeletion?: Revision;
}

type Range = { from: number; to: number };

/** Where each suggestion stands, or null when it cannot be placed or its text changed. */
export function suggestionRanges(suggestions: ExportSuggestion[], at: AnchorContext): (Range | null)[] {
  return suggestions.map((s) => {
    const range = resolveSuggestionRange(s, at.ydoc, at.fragment, at.mapping);
    return range && rangeStillReads(at.pmDoc, range, s.deletedText) ? range : null;
  });
}

export function placeSuggestions(placed: PlacedText, suggestions: ExportSuggestion[], ranges: (Range | null)[]): void {
  suggestions.forEach((suggestion, index) => {
    const range = ranges[index];
    if (!range) return;
    const revision: Revision = { author: suggestion.author, date: suggestion.createdAt };
    if (range.to > range.from) {
      // Text proposed for deletion twice is deleted once, by the first.
      for (const piece of covered(placed.pieces, range)) (piece.node as TrackedDeletion).trackedDeletion ??= revision;
      for (const block of placed.textblocks) {
        if (range.from <= block.to && range.to > block.to) (block.node as TrackedMarkDeletion).trackedMarkDeletion ??= revision;
      }
    }
    if (suggestion.insertText.length > 0) insertAt(placed.textblocks, range.to, suggestion.insertText, revision);
  });
}

/** Adds the proposed text at `pos`, formatted like the text on its left (else on its right). */
function insertAt(textblocks: Textblock[], pos: number, text: string, revision: Revision): void {
  const block = textblocks.find((b) => b.from <= pos && pos <= b.to);
  if (!block) return;
  const content = (block.node.content ??= []);
  let offset = block.from;
  let index = 0;
  // Past the nodes that end at or before `pos`; nodes inserted earlier take no room.
  while (index < content.length && offset + size(content[index]!) <= pos && offset < pos) {
    offset += size(content[index]!);
    index++;
  }
  while (index < content.length && content[index]!.type === TRACKED_INSERT) index++;
  const neighbour = [content[index - 1], content[index]].find((n) => n?.type === 'text' || n?.type === TRACKED_INSERT);
  const marks = (neighbour?.marks ?? []).filter((m) => m.type !== 'link');
  const node: JSONContent & { revision: Revision } = { type: TRACKED_INSERT, text, revision, ...(marks.length > 0 ? { marks } : {}) };
  content.splice(index, 0, node);
}

function size(node: JSONContent): number {
  if (node.type === 'text') return node.text?.length ?? 0;
  return node.type === TRACKED_INSERT ? 0 : 1;
}
