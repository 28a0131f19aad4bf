import {
  textOf,
  type TBackofficeCase,
  type TLocalizedText,
  type TPortalCase,
  type TText,
} from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';

/** An event as the portal sends it, or as the back office does with whether it is internal. */
type TimelineEvent = TPortalCase['timeline'][number] &
  Partial<Pick<TBackofficeCase['timeline'][number], 'internal'>>;

const isLocalized = (v: unknown): v is TLocalizedText =>
  !!v &&
  typeof v === 'object' &&
  'da' in v &&
  'en' in v &&
  typeof v.da === 'string' &&
  typeof v.en === 'string';

const isCatalogueText = (v: unknown): v is TText =>
  typeof v === 'string' || (!!v && typeof v === 'object' && 'da' in v && typeof v.da === 'string');

/**
 * What the timeline shows of an event's data, which the contract leaves open: a return's reason, a
 * stage's label and a resolution's outcome (catalogue text, in both languages or Danish only).
 */
function eventDetails(data: unknown): { reason?: TLocalizedText; label?: TText; outcome?: TText } {
  if (!data || typeof data !== 'object') return {};
  const reason = 'reason' in data && isLocalized(data.reason) ? data.reason : undefined;
  const label = 'label' in data && isCatalogueText(data.label) ? data.label : undefined;
  const outcome = 'outcome' in data && isCatalogueText(data.outcome) ? data.outcome : undefined;
  return { reason, label, outcome };
}

/** What happened on a case, oldest first. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, locale, pick } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e, i) => {
        const { reason, label, outcome } = eventDetails(e.data);
        return (
          <li key={i} className={e.internal ? 'timeline-internal' : undefined}>
            <p className="timeline-head">
              <strong>{t(`event.${e.type}`)}</strong>
              {e.internal && <> ({t('event.internal')})</>} ·{' '}
              {new Date(e.at).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')}
              {e.actor && <> · {e.actor}</>}
            </p>
            {reason && (
              <p>
                {t('event.reason')}: {pick(reason)}
              </p>
            )}
            {label && <p>{textOf(label, locale)}</p>}
            {outcome && (
              <p>
                {t('case.outcome')}: {textOf(outcome, locale)}
              </p>
            )}
            {e.body && <p className="timeline-body">{e.body}</p>}
          </li>
        );
      })}
    </ol>
  );
}
