import { localizedText, type TText } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';
import './catalogText.css';

/**
 * A text of the service catalogue in the reader's language. Where the catalogue gives it only in
 * Danish, an English reader sees the Danish marked as Danish (`lang="da"`, for screen readers and
 * translation tools) with a small visible "DA" tag saying so.
 */
export function CatalogText({ text }: { text: TText | undefined }) {
  const { locale } = useI18n();
  const shown = localizedText(text, locale);
  if (shown.lang === locale) return <>{shown.text}</>;
  return (
    <>
      <span lang="da">{shown.text}</span> <DanishMarker />
    </>
  );
}

/** The tag beside a text shown in Danish to an English reader. */
export function DanishMarker() {
  const { t } = useI18n();
  return (
    <span className="lang-fallback" title={t('catalogText.onlyDanish')}>
      <span aria-hidden="true">DA</span>
      <span className="sr-only">{t('catalogText.inDanish')}</span>
    </span>
  );
}

/**
 * A catalogue text for places that take plain text (an option, an attribute, a page title): the
 * text, its language for a `lang` attribute, and " (DA)" after it where it falls back to Danish.
 */
export function useCatalogText() {
  const { locale, t } = useI18n();
  return (text: TText | undefined) => {
    const shown = localizedText(text, locale);
    const fallback = shown.lang !== locale;
    return {
      text: shown.text,
      lang: fallback ? shown.lang : undefined,
      marked: fallback ? `${shown.text} ${t('catalogText.inDanish')}` : shown.text,
    };
  };
}

/**
 * An interface text (from `t`) where a catalogue text is expected, e.g. the label of a file field a
 * page builds itself: it is already in the reader's language, so it is never marked as Danish.
 */
export const interfaceText = (text: string) => ({ da: text, en: text });
