import type { Suggestion } from '../../../shared/suggestions';
import type { Translate } from '../i18n/translate';

const LONGEST = 140;

/** A suggestion's text for a line in a list: paragraph breaks as ¶, long text cut short. */
function shown(text: string, t: Translate): string {
  const flat = text.replace(/\n/g, ` ${t('suggestions.newParagraph')} `);
  return flat.length > LONGEST ? `${flat.slice(0, LONGEST - 1)}…` : flat;
}

/** "‘oud’ → ‘nieuw’", "Invoegen: ‘nieuw’" or "Schrappen: ‘oud’". */
export function describeChange(s: Pick<Suggestion, 'deletedText' | 'insertText'>, t: Translate): string {
  if (s.deletedText === '') return t('suggestions.insert', { new: shown(s.insertText, t) });
  if (s.insertText === '') return t('suggestions.delete', { old: shown(s.deletedText, t) });
  return t('suggestions.replace', { old: shown(s.deletedText, t), new: shown(s.insertText, t) });
}
