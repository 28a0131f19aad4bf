import type { TBackofficeCase, TPortalCase } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';

/** An event as the portal sends it, or as the back office does with whether it is internal. */
type TimelineEvent = TPortalCase['timeline'][number] &
  Partial<Pick<TBackofficeCase['timeline'][number], 'internal'>>;

/** What happened on a case, oldest first. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, locale, pick } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e, i) => {
        const { reason, label } = (e.data ?? {}) as {
          reason?: { da: string; en: string };
          label?: { da: string; en: string } | string;
        };
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
