/** A recommendation long enough to fill about fifty A4 pages: what a year of ateliers produces. */
import type { JSONContent } from '@tiptap/core';
import type { DocJSON } from '../../server/export/prosemirror';

const t = (text: string): JSONContent => ({ type: 'text', text });
const p = (text: string): JSONContent => ({ type: 'paragraph', content: [t(text)] });
const cell = (type: 'tableHeader' | 'tableCell', text: string): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(text)] });

const SENTENCE = 'De steden vragen een stabiel kader voor woonbeleid, met één loket, heldere budgetten en een eerlijke verdeling van de middelen over de regio’s. ';

export function longRecommendation(sections: number, imageUrl?: string): DocJSON {
  const content: JSONContent[] = [];
  for (let s = 1; s <= sections; s++) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [t(`${s}. Aanbeveling over wonen in stad ${s}`)] });
    for (let i = 0; i < 3; i++) content.push(p(`${s}.${i} ${SENTENCE.repeat(5)}`));
    content.push({
      type: 'bulletList',
      content: ['Wachtlijsten', 'Budgetten', 'Sociale verhuurkantoren'].map((item) => ({ type: 'listItem', content: [p(`${item} in stad ${s}`)] })),
    });
    content.push({
      type: 'table',
      content: [
        { type: 'tableRow', content: ['Stad', 'Wachtlijst', 'Budget (€)'].map((h) => cell('tableHeader', h)) },
        ...[1, 2, 3].map((r) => ({ type: 'tableRow', content: [`Stad ${s}.${r}`, `${r * 1250}`, `${r},4 mln`].map((v) => cell('tableCell', v)) })),
      ],
    });
    if (imageUrl && s % 10 === 0) content.push({ type: 'image', attrs: { src: imageUrl, alt: `Figuur ${s}`, title: `Figuur ${s / 10}` } });
  }
  return { type: 'doc', content };
}
