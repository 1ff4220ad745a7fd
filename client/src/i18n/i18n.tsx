import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translator, type Language, type Translate } from './translate';

const STORAGE_KEY = 'stadskamer.lang';
// Fallback locales when the browser's own language differs from the chosen one:
// Belgian Dutch, and British English for its day-month order.
const DEFAULT_LOCALE: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

interface I18n {
  lang: Language;
  locale: string;
  t: Translate;
  setLang(lang: Language): void;
  formatDate(iso: string, withTime?: boolean): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** The user's own locale when it speaks the chosen language (nl-NL stays nl-NL), else a sensible default. */
function localeFor(lang: Language): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  return preferred.find((l) => l.toLowerCase().startsWith(lang)) ?? DEFAULT_LOCALE[lang];
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = localeFor(lang);
    return {
      lang,
      locale,
      setLang,
      t: translator(lang),
      formatDate: (iso, withTime = false) => {
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
