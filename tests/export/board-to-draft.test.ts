// The last test opens the draft in a real TipTap editor with Collaboration, which needs a DOM.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor, getSchema, type JSONContent } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { Collaboration } from '@tiptap/extension-collaboration';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { boardToDraftUpdate, DRAFT_INTRO } from '../../server/boards/board-to-draft';
import { rawBoard } from './raw-board';

const schema = getSchema([StarterKit]);
const MEMBERS = new Set(['u-anna', 'u-bram']);

function workshopBoard(): Y.Doc {
  return rawBoard({
    votesPerPerson: 3,
    columns: [
      { id: 'c-intern', title: 'Interne organisatie' },
      { id: 'c-netwerk', title: 'De stad als netwerkbestuur' },
      { id: 'c-leeg', title: 'Vlaams stedenbeleid' },
    ],
    cards: [
      { id: 'k1', columnId: 'c-intern', text: 'Meer data-analisten', createdAt: 100, votes: { 'u-anna': 1 } },
      { id: 'k2', columnId: 'c-intern', text: 'Gedeelde HR-dienst', createdAt: 200, votes: { 'u-anna': 2, 'u-bram': 2 } },
      // 9 votes from someone who is no longer a member, and 9 over Bram's allowance: neither counts.
      { id: 'k3', columnId: 'c-intern', text: 'Opleiding', createdAt: 300, votes: { 'u-weg': 9, 'u-bram': 9 } },
      { id: 'k4', columnId: 'c-netwerk', text: 'Regierol **stad**\n<b>nu</b>', createdAt: 50, votes: {} },
    ],
  });
}

/** Reads the draft back the way the editor's Collaboration binding does. */
function draftAsJSON(update: Uint8Array): JSONContent {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('default'), schema);
  node.check(); // throws when the content does not fit the editor schema
  return node.toJSON() as JSONContent;
}

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content: [{ type: 'paragraph', content }] });

describe('board to draft', () => {
  it('builds an intro, then per column a heading and its cards ranked by honest votes', () => {
    expect(draftAsJSON(boardToDraftUpdate(workshopBoard(), MEMBERS))).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text(DRAFT_INTRO)] },
        { type: 'heading', attrs: { level: 2 }, content: [text('Interne organisatie')] },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [
            item(text('Gedeelde HR-dienst — 4 stemmen')),
            item(text('Meer data-analisten — 1 stem')),
            item(text('Opleiding — 1 stem')),
          ],
        },
        { type: 'heading', attrs: { level: 2 }, content: [text('De stad als netwerkbestuur')] },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [item(text('Regierol **stad**'), { type: 'hardBreak' }, text('<b>nu</b> — 0 stemmen'))],
        },
        { type: 'heading', attrs: { level: 2 }, content: [text('Vlaams stedenbeleid')] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Geen kaarten.', marks: [{ type: 'italic' }] }] },
      ],
    });
  });

  it('follows the votes: other members, other ranking', () => {
    const draft = draftAsJSON(boardToDraftUpdate(workshopBoard(), new Set(['u-anna'])));
    const list = draft.content?.[2];
    expect(list?.content?.map((li) => li.content?.[0]?.content?.[0]?.text)).toEqual([
      'Gedeelde HR-dienst — 2 stemmen',
      'Meer data-analisten — 1 stem',
      'Opleiding — 0 stemmen',
    ]);
  });

  it('gives an intro-only draft for an empty board', () => {
    expect(draftAsJSON(boardToDraftUpdate(new Y.Doc(), MEMBERS))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [text(DRAFT_INTRO)] }],
    });
  });

  it('does not change the board', () => {
    const board = workshopBoard();
    const before = Y.encodeStateAsUpdate(board);
    boardToDraftUpdate(board, MEMBERS);
    expect(Y.encodeStateAsUpdate(board)).toEqual(before);
  });

  it("opens in TipTap's Collaboration editor, which then edits it like typed content", () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, boardToDraftUpdate(workshopBoard(), MEMBERS));
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ document: ydoc })],
    });
    try {
      const headings = ((editor.getJSON() as JSONContent).content ?? []).filter((node) => node.type === 'heading');
      expect(headings.map((h) => h.content?.[0]?.text)).toEqual([
        'Interne organisatie',
        'De stad als netwerkbestuur',
        'Vlaams stedenbeleid',
      ]);
      expect(editor.getText()).toContain('Gedeelde HR-dienst — 4 stemmen');
      editor.commands.insertContentAt(1, 'Ontwerp: ');
      expect(ydoc.getXmlFragment('default').get(0).toString()).toBe(`<paragraph>Ontwerp: ${DRAFT_INTRO}</paragraph>`);
    } finally {
      editor.destroy();
    }
  });
});
