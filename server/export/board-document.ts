/**
 * A workshop board as an export: the JSON shape of `?format=json`, and a ProseMirror
 * document that the text renderers turn into Markdown and HTML, so card text goes
 * through the same escaping as everything else.
 */
import type { JSONContent } from '@tiptap/core';
import { votesLabel, type HonestBoard } from './board-model';
import { heading, inlineText, list, paragraph } from './pm-builders';
import type { DocJSON } from './prosemirror';
import type { BoardExport } from '../../shared/board';

export type { BoardExport, BoardExportCard } from '../../shared/board';

/** Shown where a column or card has no text, so no heading or item comes out blank. */
export const UNTITLED_COLUMN = '(kolom zonder titel)';
export const NO_CARDS = 'Geen kaarten.';

export function boardToExportJSON(board: HonestBoard, title: string): BoardExport {
  return {
    title,
    columns: board.columns.map((column) => ({
      id: column.id,
      title: column.title,
      cards: column.cards.map(({ id, text, color, authorId, votes }) => ({ id, text, color, authorId, votes })),
    })),
  };
}

/**
 * `## column` then `- card text (N stemmen)`, columns in board order, most votes first;
 * with `organisations` (author id → organisation) the author's organisation follows.
 */
export function boardToDocJSON(board: HonestBoard, organisations?: Map<string, string>): DocJSON {
  const content: JSONContent[] = [];
  for (const column of board.columns) {
    content.push(heading(2, column.title.trim() === '' ? UNTITLED_COLUMN : column.title));
    if (column.cards.length === 0) {
      content.push(paragraph(inlineText(NO_CARDS, [{ type: 'italic' }])));
      continue;
    }
    // The honest count always comes last, whatever the card text itself says.
    const items = column.cards.map((card) => {
      const organisation = organisations?.get(card.authorId);
      const label = `(${votesLabel(card.votes)})`;
      const line = inlineText(card.text.trim() === '' ? label : `${card.text.trimEnd()} ${label}`);
      return organisation ? [...line, ...inlineText(' — '), ...inlineText(organisation, [{ type: 'italic' }])] : line;
    });
    content.push(list('bulletList', items));
  }
  return { type: 'doc', content };
}
