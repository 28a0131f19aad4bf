import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Locale, type MessageKey } from './messages';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The interface text of `key` in the user's language, its `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /**
   * Picks the user's language from a text that arrives in both (service definitions, catalogue
   * texts, error messages from the API); interface texts come from `t`. A catalogue text without
   * English gives the Danish (`CatalogText` marks it as Danish where a page shows it).
   */
  pick(text: { da: string; en?: string }): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'indgang.locale';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da',
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => translate(locale, key, values),
      pick: (text) => (locale === 'en' && text.en !== undefined ? text.en : text.da),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
