/**
 * Filling in the dictionary: a string entry as is, a counted phrase in the form
 * Intl.PluralRules picks for its `count` in the language.
 */
import { pluralForm } from '../../../shared/plural';
import type { Twin } from './dictionary';
import { en } from './en';
import { nl, type MessageKey, type PluralKey } from './nl';

export type Language = 'nl' | 'en';
type Values = Record<string, string | number>;

/** `t(key, values)` for a string; `t(key, { count })` for a counted phrase, which cannot go without its count. */
export interface Translate {
  (key: MessageKey, values?: Values): string;
  (key: PluralKey, values: Values & { count: number }): string;
}

const DICTIONARIES: Record<Language, Twin<typeof nl>> = { nl, en };

/** The `t` of one language (the provider's, and tests'). */
export function translator(lang: Language): Translate {
  return (key: MessageKey | PluralKey, values?: Values) => translate(lang, key, values);
}

function translate(lang: Language, key: MessageKey | PluralKey, values?: Values): string {
  const entry = DICTIONARIES[lang][key];
  if (typeof entry === 'string') return fill(entry, values);
  // The form follows the number; the number is written the way the language writes it (1.234 / 1,234).
  const count = Number(values?.count);
  return fill(pluralForm(entry, lang, count), { ...values, count: new Intl.NumberFormat(lang).format(count) });
}

function fill(template: string, values?: Values): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
