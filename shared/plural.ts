/**
 * The forms of a counted phrase ("1 stem", "3 stemmen"). Dutch and English know exactly
 * these two plural categories; a language with more would add optional forms here.
 */
export interface Plural {
  one: string;
  other: string;
}

export function isPlural(entry: unknown): entry is Plural {
  return typeof entry === 'object' && entry !== null && 'one' in entry && 'other' in entry;
}

// One PluralRules per locale: building one is far dearer than asking it.
const rulesByLocale = new Map<string, Intl.PluralRules>();

/** The form Intl.PluralRules picks for `count` in `locale`; categories we do not write fall back to `other`. */
export function pluralForm(forms: Plural, locale: string, count: number): string {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count) === 'one' ? forms.one : forms.other;
}
