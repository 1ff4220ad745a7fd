/**
 * Turns a workshop board into the skeleton of a recommendation (PRODUCT: "afterwards
 * the board becomes the skeleton of the recommendations"): an introduction, then per
 * column a level-2 heading and a numbered list of its cards, most honest votes first.
 *
 * The draft is built as ProseMirror JSON in the editor's schema and converted with
 * y-tiptap, the library TipTap's Collaboration extension uses, so the result opens in
 * the editor exactly like content somebody typed.
 */
import type * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { readHonestBoard, votesLabel } from '../export/board-model';
import { NO_CARDS, UNTITLED_COLUMN } from '../export/board-document';
import { heading, inlineText, list, paragraph } from '../export/pm-builders';
import { docJSONToYUpdate, type DocJSON } from '../export/prosemirror';

export const DRAFT_INTRO =
  'Dit ontwerp is opgemaakt uit het workshopbord. Per kolom staan de kaarten gerangschikt volgens het aantal stemmen; ' +
  'werk ze uit tot aanbevelingen aan de steden en aan de Vlaamse overheid.';

/** What shows for a card that has no text. */
export const EMPTY_CARD = '(lege kaart)';

export function boardToDraftJSON(board: Y.Doc, memberIds: Set<string>): DocJSON {
  const content: JSONContent[] = [paragraph(inlineText(DRAFT_INTRO))];
  for (const column of readHonestBoard(board, memberIds).columns) {
    content.push(heading(2, column.title.trim() === '' ? UNTITLED_COLUMN : column.title));
    if (column.cards.length === 0) {
      content.push(paragraph(inlineText(NO_CARDS, [{ type: 'italic' }])));
      continue;
    }
    const items = column.cards.map((card) => {
      const text = card.text.trim() === '' ? EMPTY_CARD : card.text.trimEnd();
      return inlineText(`${text} — ${votesLabel(card.votes)}`);
    });
    content.push(list('orderedList', items));
  }
  return { type: 'doc', content };
}

/**
 * A Yjs update that, applied to an empty Y.Doc, fills its `default` fragment with the
 * draft. Applied to a document that already has content it would add a second copy
 * next to it, so callers create a new document for it.
 */
export function boardToDraftUpdate(board: Y.Doc, memberIds: Set<string>): Uint8Array {
  return docJSONToYUpdate(boardToDraftJSON(board, memberIds));
}
