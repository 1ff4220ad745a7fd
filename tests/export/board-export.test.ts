import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { marked } from 'marked';
import { exportDocument } from '../../server/export/index';
import { DEFAULT_VOTES_PER_PERSON } from '../../server/export/board-model';
import { rawBoard, type RawBoard, type RawCard } from './raw-board';

const MEMBERS = new Set(['u-anna', 'u-bram', 'u-chris']);

function exportBoard(doc: Y.Doc, format: 'markdown' | 'html' | 'json', memberIds = MEMBERS) {
  return exportDocument({ doc, kind: 'board', title: 'Atelier Mechelen', format, memberIds });
}

interface ExportedBoard {
  title: string;
  columns: { id: string; title: string; cards: { id: string; text: string; color: string; authorId: string; votes: number }[] }[];
}

function votesOf(doc: Y.Doc, memberIds = MEMBERS): Record<string, number> {
  const parsed = JSON.parse(exportBoard(doc, 'json', memberIds).body) as ExportedBoard;
  return Object.fromEntries(parsed.columns.flatMap((column) => column.cards.map((card) => [card.id, card.votes])));
}

const WORKSHOP: RawBoard = {
  votesPerPerson: 5,
  columns: [
    { id: 'col-intern', title: 'Interne organisatie' },
    { id: 'col-netwerk', title: 'De stad als netwerkbestuur' },
    { id: 'col-leeg', title: 'Vlaams stedenbeleid' },
  ],
  cards: [
    { id: 'k1', columnId: 'col-intern', text: 'Meer data-analisten', createdAt: 1000, votes: { 'u-anna': 1 } },
    { id: 'k2', columnId: 'col-intern', text: 'Gedeelde HR-dienst', createdAt: 2000, votes: { 'u-anna': 2, 'u-bram': 3 } },
    { id: 'k3', columnId: 'col-intern', text: 'Opleiding <script>alert(1)</script> **nu**', createdAt: 3000, votes: { 'u-chris': 1 } },
    { id: 'k4', columnId: 'col-netwerk', text: 'Regierol voor de stad', createdAt: 1500, color: 'blue', authorId: 'u-bram', votes: { 'u-chris': 2 } },
    { id: 'k5', columnId: 'col-netwerk', text: 'Netwerk\nvan steden', createdAt: 500, votes: {} },
  ],
};

describe('board export', () => {
  it('lists columns in board order with their cards, most votes first (JSON)', () => {
    const result = exportBoard(rawBoard(WORKSHOP), 'json');
    expect(result.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(result.body)).toEqual({
      title: 'Atelier Mechelen',
      columns: [
        {
          id: 'col-intern',
          title: 'Interne organisatie',
          cards: [
            { id: 'k2', text: 'Gedeelde HR-dienst', color: 'yellow', authorId: 'u-anna', votes: 5 },
            // k1 and k3 tie on one vote: the older card goes first.
            { id: 'k1', text: 'Meer data-analisten', color: 'yellow', authorId: 'u-anna', votes: 1 },
            { id: 'k3', text: 'Opleiding <script>alert(1)</script> **nu**', color: 'yellow', authorId: 'u-anna', votes: 1 },
          ],
        },
        {
          id: 'col-netwerk',
          title: 'De stad als netwerkbestuur',
          cards: [
            { id: 'k4', text: 'Regierol voor de stad', color: 'blue', authorId: 'u-bram', votes: 2 },
            { id: 'k5', text: 'Netwerk\nvan steden', color: 'yellow', authorId: 'u-anna', votes: 0 },
          ],
        },
        { id: 'col-leeg', title: 'Vlaams stedenbeleid', cards: [] },
      ],
    });
  });

  it('writes Markdown as "## column" then "- card (N stemmen)", with card text escaped', () => {
    const result = exportBoard(rawBoard(WORKSHOP), 'markdown');
    expect(result.contentType).toBe('text/markdown; charset=utf-8');
    expect(result.body).toBe(
      [
        '# Atelier Mechelen',
        '',
        '## Interne organisatie',
        '',
        '- Gedeelde HR-dienst (5 stemmen)',
        '- Meer data-analisten (1 stem)',
        '- Opleiding \\<script>alert(1)\\</script> \\*\\*nu\\*\\* (1 stem)',
        '',
        '## De stad als netwerkbestuur',
        '',
        '- Regierol voor de stad (2 stemmen)',
        '- Netwerk  ',
        // A lazy continuation line: CommonMark keeps it in the item (checked below).
        'van steden (0 stemmen)',
        '',
        '## Vlaams stedenbeleid',
        '',
        '*Geen kaarten.*',
        '',
      ].join('\n'),
    );
    const html = marked.parse(result.body, { async: false });
    expect(html).toContain('<li>Opleiding &lt;script&gt;alert(1)&lt;/script&gt; **nu** (1 stem)</li>');
    expect(html).toContain('<li>Netwerk<br>van steden (0 stemmen)</li>');
    expect(html).not.toMatch(/<script|<strong>/);
  });

  it('writes HTML likewise, as a complete document', () => {
    const result = exportBoard(rawBoard(WORKSHOP), 'html');
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(result.body).toContain('<title>Atelier Mechelen</title>');
    expect(result.body).toContain(
      '<h1>Atelier Mechelen</h1>\n' +
        '<h2>Interne organisatie</h2>' +
        '<ul><li><p>Gedeelde HR-dienst (5 stemmen)</p></li><li><p>Meer data-analisten (1 stem)</p></li>' +
        '<li><p>Opleiding &lt;script&gt;alert(1)&lt;/script&gt; **nu** (1 stem)</p></li></ul>' +
        '<h2>De stad als netwerkbestuur</h2>' +
        '<ul><li><p>Regierol voor de stad (2 stemmen)</p></li><li><p>Netwerk<br/>van steden (0 stemmen)</p></li></ul>' +
        '<h2>Vlaams stedenbeleid</h2><p><em>Geen kaarten.</em></p>\n</body>',
    );
    expect(result.body).not.toContain('<script>');
  });
});

describe('honest vote counting', () => {
  const card = (id: string, createdAt: unknown, votes: Record<string, unknown>): RawCard => ({
    id,
    columnId: 'c',
    text: id,
    createdAt,
    votes,
  });
  const board = (cards: RawCard[], votesPerPerson?: unknown): Y.Doc =>
    rawBoard({ columns: [{ id: 'c', title: 'Kolom' }], cards, votesPerPerson });

  it('counts only the votes of members', () => {
    const doc = board([card('a', 1, { 'u-anna': 2, 'u-ex-lid': 5, 'u-stranger': 4 }), card('b', 2, { 'u-bram': 1 })], 10);
    expect(votesOf(doc)).toEqual({ a: 2, b: 1 });
    // Once Anna is no longer a member, her votes go too.
    expect(votesOf(doc, new Set(['u-bram']))).toEqual({ a: 0, b: 1 });
  });

  it('counts negative, fractional, NaN, infinite and non-number votes as 0', () => {
    const doc = board(
      [
        card('neg', 1, { 'u-anna': -3, 'u-bram': 1 }),
        card('frac', 2, { 'u-anna': 1.5 }),
        card('nan', 3, { 'u-anna': Number.NaN }),
        card('inf', 4, { 'u-anna': Number.POSITIVE_INFINITY }),
        card('str', 5, { 'u-anna': '4', 'u-bram': null, 'u-chris': true }),
      ],
      10,
    );
    expect(votesOf(doc)).toEqual({ neg: 1, frac: 0, nan: 0, inf: 0, str: 0 });
  });

  it('caps each person at votesPerPerson over the whole board, oldest cards first', () => {
    const doc = board(
      [
        card('newest', 300, { 'u-anna': 4, 'u-bram': 1 }),
        card('oldest', 100, { 'u-anna': 2 }),
        card('middle', 200, { 'u-anna': 2, 'u-bram': 1 }),
      ],
      3,
    );
    // Anna cast 8 votes with an allowance of 3: 2 on the oldest card, 1 on the next, none after.
    expect(votesOf(doc)).toEqual({ oldest: 2, middle: 2, newest: 1 });
  });

  it('orders by id where createdAt ties, and puts cards without a valid createdAt last', () => {
    const doc = board(
      [
        card('z-no-date', 'gisteren', { 'u-anna': 1 }),
        card('b-same', 100, { 'u-anna': 1 }),
        card('a-same', 100, { 'u-anna': 1 }),
      ],
      2,
    );
    expect(votesOf(doc)).toEqual({ 'a-same': 1, 'b-same': 1, 'z-no-date': 0 });
  });

  it('gives the same totals whatever order the updates arrive in', () => {
    const cards = [card('x', 10, { 'u-anna': 3 }), card('y', 20, { 'u-anna': 3 }), card('w', 5, { 'u-anna': 3 })];
    const forward = board(cards, 4);
    const backward = board([...cards].reverse(), 4);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(backward));
    expect(votesOf(forward)).toEqual({ w: 3, x: 1, y: 0 });
    expect(votesOf(backward)).toEqual(votesOf(forward));
    expect(votesOf(merged)).toEqual(votesOf(forward));
  });

  it(`uses ${DEFAULT_VOTES_PER_PERSON} votes per person when the meta does not give a valid number`, () => {
    for (const votesPerPerson of [undefined, -1, 2.5, 'veel']) {
      const doc = board([card('a', 1, { 'u-anna': 4 }), card('b', 2, { 'u-anna': 4 })], votesPerPerson);
      expect(votesOf(doc)).toEqual({ a: 4, b: DEFAULT_VOTES_PER_PERSON - 4 });
    }
    expect(votesOf(board([card('a', 1, { 'u-anna': 4 })], 0))).toEqual({ a: 0 });
  });

  it('leaves out cards of a column that no longer exists, without spending votes on them', () => {
    const doc = rawBoard({
      votesPerPerson: 2,
      columns: [{ id: 'c', title: 'Kolom' }],
      cards: [
        { id: 'orphan', columnId: 'weg', text: 'wees', createdAt: 1, votes: { 'u-anna': 2 } },
        { id: 'kept', columnId: 'c', text: 'blijft', createdAt: 2, votes: { 'u-anna': 2 } },
      ],
    });
    expect(votesOf(doc)).toEqual({ kept: 2 });
  });
});
