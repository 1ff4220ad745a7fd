/** A recommendation with every node and mark of CONTRACT §3, for export and import round trips. */
import type { JSONContent } from '@tiptap/core';
import type { DocJSON } from '../../server/export/prosemirror';

const t = (text: string, ...marks: string[]): JSONContent => (marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const h = (level: number, text: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const cell = (type: 'tableHeader' | 'tableCell', text: string, colspan = 1): JSONContent => ({
  type,
  attrs: { colspan, rowspan: 1, colwidth: null },
  content: [p(t(text))],
});

export const LINK = 'https://www.vlaamsesteden.be/thema/wonen?stad=Leuven&jaar=2026';

export const HEADINGS = ['Inleiding', 'Invalshoeken van de dag', 'Aanbevelingen aan de Vlaamse overheid'];
export const BULLETS = ['Wachtlijsten per stad', 'Geneste invalshoek: rol van de OCMW’s', 'Diepere laag: sociale verhuurkantoren', 'Budgetten'];
export const NUMBERED = ['Maak één loket voor woonzoekenden', 'Verhoog het budget met 2 € per inwoner'];
/** 3 columns × 4 rows; the last row's first cell spans two columns. */
export const TABLE_CELLS = ['Stad', 'Wachtlijst', 'Budget (€)', 'Leuven', '1.250', '2,4 mln', 'Gent', '3.400', '5,1 mln', 'Totaal', '7,5 mln'];
export const DIACRITICS = 'Coöperatieve woonprojecten in Sint-Niklaas en Roeselare: „een idee dat werkt”, zegt de schepen — ë é ï € ‘quotes’.';

export function everyNodeDoc(imageUrl: string): DocJSON {
  return {
    type: 'doc',
    content: [
      h(1, HEADINGS[0]!),
      p(t(DIACRITICS)),
      p(t('Vet', 'bold'), t(' '), t('cursief', 'italic'), t(' '), t('onderlijnd', 'underline'), t(' '), t('doorgehaald', 'strike'), t(' '), t('code', 'code'), { type: 'hardBreak' }, t('Meer op '), { type: 'text', text: 'de website', marks: [{ type: 'link', attrs: { href: LINK } }] }, t('.')),
      h(2, HEADINGS[1]!),
      {
        type: 'bulletList',
        content: [
          li(p(t(BULLETS[0]!))),
          li(p(t(BULLETS[1]!)), { type: 'bulletList', content: [li(p(t(BULLETS[2]!)))] }),
          li(p(t(BULLETS[3]!))),
        ],
      },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Stad'), cell('tableHeader', 'Wachtlijst'), cell('tableHeader', 'Budget (€)')] },
          { type: 'tableRow', content: [cell('tableCell', 'Leuven'), cell('tableCell', '1.250'), cell('tableCell', '2,4 mln')] },
          { type: 'tableRow', content: [cell('tableCell', 'Gent'), cell('tableCell', '3.400'), cell('tableCell', '5,1 mln')] },
          { type: 'tableRow', content: [cell('tableCell', 'Totaal', 2), cell('tableCell', '7,5 mln')] },
        ],
      },
      { type: 'image', attrs: { src: imageUrl, alt: 'Kaart van de wachtlijsten', title: 'Figuur 1: wachtlijsten per stad' } },
      h(3, HEADINGS[2]!),
      { type: 'orderedList', attrs: { start: 1 }, content: NUMBERED.map((text) => li(p(t(text)))) },
      { type: 'blockquote', content: [p(t('Wonen is een basisrecht.'))] },
      { type: 'horizontalRule' },
      p(t('Slot.')),
    ],
  };
}
