import type { Node as PMNode } from '@tiptap/pm/model';
import { BLOCK_SEPARATOR } from '../../../shared/suggestion-anchors';

/**
 * The shape of the suggestion someone is typing, in positions of the accepted text: the
 * range it would replace (`from === to` for a pure insertion) and what is typed instead.
 * These functions turn one keystroke into the next shape; the editor plugin applies them
 * (suggest-mode.ts) and never changes the document itself.
 */
export interface DraftShape {
  from: number;
  to: number;
  insertText: string;
  /**
   * Where the caret stands: after the struck text and the typed text ('end'), or before
   * the struck text ('start', after Backspace struck a character to its left).
   */
  caret: 'start' | 'end';
}

export type DraftAction = { kind: 'insert'; text: string } | { kind: 'backspace' } | { kind: 'delete' };

export function caretOf(draft: DraftShape): number {
  return draft.caret === 'start' ? draft.from : draft.to;
}

/** True when an action at this selection grows the draft (the caret is where the draft left it). */
export function continuesDraft(draft: DraftShape, selection: { from: number; to: number }): boolean {
  return selection.from === selection.to && selection.from === caretOf(draft);
}

/** True when the draft suggests nothing (all typed text taken back, nothing struck). */
export function isEmptyDraft(draft: DraftShape): boolean {
  return draft.from === draft.to && draft.insertText === '';
}

/**
 * A new draft from the selection and the first keystroke: a selection is replaced
 * (typing) or struck (Backspace/Delete); a caret inserts or strikes one character.
 * Null when the keystroke suggests nothing (Backspace at the very start).
 */
export function startDraft(doc: PMNode, selection: { from: number; to: number }, action: DraftAction): DraftShape | null {
  if (selection.from !== selection.to) {
    return { from: selection.from, to: selection.to, insertText: action.kind === 'insert' ? action.text : '', caret: 'end' };
  }
  const next = applyAction(doc, { from: selection.from, to: selection.from, insertText: '', caret: 'end' }, action);
  return isEmptyDraft(next) ? null : next;
}

/**
 * One more keystroke on the draft. Backspace first takes back typed text, then strikes
 * leftwards (across a paragraph start too); Delete strikes rightwards. Text typed after a
 * strike is the replacement, shown after the struck text.
 */
export function applyAction(doc: PMNode, draft: DraftShape, action: DraftAction): DraftShape {
  switch (action.kind) {
    case 'insert':
      return { ...draft, insertText: draft.insertText + action.text, caret: 'end' };
    case 'backspace': {
      if (draft.insertText !== '') return { ...draft, insertText: withoutLastCharacter(draft.insertText) };
      const from = previousPosition(doc, draft.from);
      return from === null ? draft : { ...draft, from, caret: 'start' };
    }
    case 'delete': {
      const to = nextPosition(doc, draft.to);
      return to === null ? draft : { ...draft, to, caret: draft.insertText === '' && draft.caret === 'start' ? 'start' : 'end' };
    }
  }
}

/** What a person typed or pasted, as a suggestion may hold it: "\n" for a paragraph, no other control characters. */
export function suggestionTextOf(raw: string): string {
  return raw
    .replace(/\r\n?/g, BLOCK_SEPARATOR)
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    // With the u flag a well-formed pair is one code point: only lone halves match.
    .replace(/[\uD800-\uDFFF]/gu, '')
    .normalize('NFC');
}

function withoutLastCharacter(text: string): string {
  return Array.from(text).slice(0, -1).join('');
}

/** The position one character to the left; at a block's start, the end of the previous textblock. */
export function previousPosition(doc: PMNode, pos: number): number | null {
  const $pos = doc.resolve(pos);
  if ($pos.parent.isTextblock && $pos.parentOffset > 0) return pos - (isLowSurrogateBefore(doc, pos) ? 2 : 1);
  for (let p = pos - 1; p >= 0; p--) if (doc.resolve(p).parent.isTextblock) return p;
  return null;
}

/** The position one character to the right; at a block's end, the start of the next textblock. */
export function nextPosition(doc: PMNode, pos: number): number | null {
  const $pos = doc.resolve(pos);
  if ($pos.parent.isTextblock && $pos.parentOffset < $pos.parent.content.size) return pos + (isHighSurrogateAfter(doc, pos) ? 2 : 1);
  for (let p = pos + 1; p <= doc.content.size; p++) if (doc.resolve(p).parent.isTextblock) return p;
  return null;
}

function isLowSurrogateBefore(doc: PMNode, pos: number): boolean {
  if (pos < 2) return false;
  const pair = doc.textBetween(pos - 2, pos);
  return pair.length === 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair);
}

function isHighSurrogateAfter(doc: PMNode, pos: number): boolean {
  if (pos + 2 > doc.content.size) return false;
  const pair = doc.textBetween(pos, pos + 2);
  return pair.length === 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(pair);
}
