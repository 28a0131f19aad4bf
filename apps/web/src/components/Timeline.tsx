import type { TBackofficeCase, TLocalizedText, TPortalCase } from '@indgang/schemas';
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

/**
 * What the timeline shows of an event's data, which the contract leaves open: a return's reason and a
 * stage's label (catalogue text, in both languages or Danish only).
 */
function eventDetails(data: unknown): { reason?: TLocalizedText; label?: TLocalizedText | string } {
  if (!data || typeof data !== 'object') return {};
  const reason = 'reason' in data && isLocalized(data.reason) ? data.reason : undefined;
  const label =
    'label' in data && (typeof data.label === 'string' || isLocalized(data.label)) ? data.label : undefined;
  return { reason, label };
}

/** What happened on a case, oldest first. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, locale, pick } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e, i) => {
        const { reason, label } = eventDetails(e.data);
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
            {label && <p>{typeof label === 'string' ? label : pick(label)}</p>}
            {e.body && <p className="timeline-body">{e.body}</p>}
          </li>
        );
      })}
    </ol>
  );
}
