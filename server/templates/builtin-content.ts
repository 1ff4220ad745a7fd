/**
 * The built-in templates' content, in our own words, after the structure of the
 * stadskamer reports: a question, what was heard, what it means, what we recommend.
 * Guidance is short italic text a writer replaces.
 */
import type { JSONContent } from '@tiptap/core';
import type { DocJSON } from '../export/prosemirror';

const heading = (level: number, text: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const guide = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });
const items = (type: 'bulletList' | 'orderedList', texts: string[]): JSONContent => ({
  type,
  content: texts.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
});
const doc = (...content: JSONContent[]): DocJSON => ({ type: 'doc', content });

export const aanbevelingennota = (): DocJSON =>
  doc(
    heading(1, 'Aanbevelingennota'),
    guide('Voor wie is deze nota bedoeld, en welke beslissing moet ze helpen nemen? Vat dat samen in twee zinnen.'),
    heading(2, 'Aanleiding'),
    guide('Welke vraag of welk knelpunt bracht de steden samen? Verwijs naar de stadskamer of het atelier waar het besproken werd.'),
    heading(2, 'Vaststellingen'),
    guide('Wat zien de steden vandaag gebeuren? Houd het bij feiten en ervaringen uit de praktijk.'),
    items('bulletList', ['Eerste vaststelling', 'Tweede vaststelling']),
    heading(2, 'Aanbevelingen'),
    guide('Eén aanbeveling per punt: wie doet wat, en waarom helpt het? Begin met een werkwoord.'),
    items('orderedList', ['Aan de steden: …', 'Aan de Vlaamse overheid: …']),
    heading(2, 'Volgende stappen'),
    guide('Wie neemt deze nota mee, naar welk overleg, en tegen wanneer?'),
  );

export const verslagStadskamer = (): DocJSON =>
  doc(
    heading(1, 'Verslag stadskamer'),
    guide('Datum, plaats en deelnemende steden. Wie zat de sessie voor?'),
    heading(2, 'Invalshoeken'),
    guide('Met welke vragen ging het gesprek van start? Noteer er hoogstens drie.'),
    items('orderedList', ['Eerste invalshoek', 'Tweede invalshoek', 'Derde invalshoek']),
    heading(2, 'Samenvatting'),
    guide('Wat is de kern van het gesprek, in een korte alinea die iemand leest die er niet bij was?'),
    heading(2, 'Wat we hoorden'),
    guide('Per invalshoek: voorbeelden uit de steden, obstakels en wat al werkt.'),
    heading(3, 'Voorbeelden uit de praktijk'),
    items('bulletList', ['Stad en voorbeeld']),
    heading(3, 'Valkuilen en mogelijke oplossingen'),
    items('bulletList', ['Valkuil: … — oplossing: …']),
    heading(2, 'Afspraken'),
    guide('Wat spraken we af, wie volgt het op, en wanneer komen we terug samen?'),
  );

export const netwerknotitie = (): DocJSON =>
  doc(
    heading(1, 'Netwerknotitie'),
    guide('Een korte notitie over een samenwerking: tussen diensten, met buurgemeenten, partners of bewoners.'),
    heading(2, 'Wie is betrokken?'),
    items('bulletList', ['Stedelijke diensten', 'Partners en middenveld', 'Andere overheden']),
    heading(2, 'Wat willen we samen bereiken?'),
    guide('Beschrijf het gedeelde doel in de woorden van de partners zelf.'),
    heading(2, 'Rol van de stad'),
    guide('Regisseert, verbindt, faciliteert of voert de stad zelf uit? Wat laat ze bewust aan anderen?'),
    heading(2, 'Onderbenut potentieel'),
    guide('Welke partners of kennis worden nog onvoldoende betrokken?'),
    heading(2, 'Volgende contacten'),
    items('bulletList', ['Wie — wanneer — waarover']),
  );

/** The Atelierbord's columns: the three angles of a stadskamer workshop. */
export const ATELIERBORD_COLUMNS = ['Interne organisatie', 'De stad als netwerkbestuur', 'Vlaams stedenbeleid'];
