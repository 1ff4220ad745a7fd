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
import { compareCardAge, readHonestBoard, votesLabel, type BoardCard } from '../export/board-model';
import { readGroups } from '../../shared/board';
import { NO_CARDS, UNTITLED_COLUMN } from '../export/board-document';
import { heading, inlineText, paragraph } from '../export/pm-builders';
import { docJSONToYUpdate, type DocJSON } from '../export/prosemirror';

export const DRAFT_INTRO =
  'Dit ontwerp is opgemaakt uit het bord van het atelier. Per kolom staan de kaarten gerangschikt volgens het aantal stemmen, ' +
  'met de organisatie van wie ze schreef; werk ze uit tot aanbevelingen aan de steden en aan de Vlaamse overheid.';

/** Who wrote a card, as far as the draft says: their organisation. */
export type Authors = Map<string, { organization: string }>;

function cardLine(card: BoardCard, authors: Authors): string {
  const text = card.text.trim() === '' ? EMPTY_CARD : card.text.trimEnd();
  const organization = authors.get(card.authorId)?.organization.trim();
  return organization ? `${text} — ${organization}` : text;
}

/** One item of a column: a card, or a cluster with its cards (votes summed). */
interface DraftItem {
  votes: number;
  first: BoardCard;
  content: JSONContent[];
}

function columnItems(cards: BoardCard[], groups: Map<string, { title: string }>, authors: Authors): DraftItem[] {
  const items: DraftItem[] = [];
  const clusters = new Map<string, BoardCard[]>();
  for (const card of cards) {
    if (card.groupId === null) {
      items.push({ votes: card.votes, first: card, content: [paragraph(inlineText(`${cardLine(card, authors)} — ${votesLabel(card.votes)}`))] });
    } else clusters.set(card.groupId, [...(clusters.get(card.groupId) ?? []), card]);
  }
  for (const [groupId, members] of clusters) {
    const votes = members.reduce((sum, c) => sum + c.votes, 0);
    const title = groups.get(groupId)?.title.trim() || members[0]!.text;
    members.sort((a, b) => b.votes - a.votes || compareCardAge(a, b));
    const first = [...members].sort(compareCardAge)[0]!;
    const lines = members.map((c) => [paragraph(inlineText(cardLine(c, authors)))]);
    items.push({
      votes,
      first,
      content: [paragraph(inlineText(`${title} — ${votesLabel(votes)}`)), { type: 'bulletList', content: lines.map((l) => ({ type: 'listItem', content: l })) }],
    });
  }
  return items.sort((a, b) => b.votes - a.votes || compareCardAge(a.first, b.first));
}

/** What shows for a card that has no text. */
export const EMPTY_CARD = '(lege kaart)';

export function boardToDraftJSON(board: Y.Doc, memberIds: Set<string>, authors: Authors = new Map()): DocJSON {
  const content: JSONContent[] = [paragraph(inlineText(DRAFT_INTRO))];
  const groups = readGroups(board);
  for (const column of readHonestBoard(board, memberIds).columns) {
    content.push(heading(2, column.title.trim() === '' ? UNTITLED_COLUMN : column.title));
    if (column.cards.length === 0) {
      content.push(paragraph(inlineText(NO_CARDS, [{ type: 'italic' }])));
      continue;
    }
    const items = columnItems(column.cards, groups, authors);
    content.push({ type: 'orderedList', attrs: { start: 1 }, content: items.map((i) => ({ type: 'listItem', content: i.content })) });
  }
  return { type: 'doc', content };
}

/**
 * A Yjs update that, applied to an empty Y.Doc, fills its `default` fragment with the
 * draft. Applied to a document that already has content it would add a second copy
 * next to it, so callers create a new document for it.
 */
export function boardToDraftUpdate(board: Y.Doc, memberIds: Set<string>, authors?: Authors): Uint8Array {
  return docJSONToYUpdate(boardToDraftJSON(board, memberIds, authors));
}
