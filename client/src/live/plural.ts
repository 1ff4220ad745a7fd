import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';

/**
 * `base.one` or `base.other` chosen by Intl.PluralRules for `count` in `locale`. Dutch and
 * English only have these two categories; any other category falls back to `other`.
 * (Kept local to the activity list until the dictionary itself learns plurals.)
 */
export function plural(t: Translate, locale: string, base: string, count: number, values: Record<string, string | number> = {}): string {
  const category = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${category}` as MessageKey, { ...values, count });
}
