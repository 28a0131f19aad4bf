import {
  textOf,
  type TBackofficeCase,
  type TLocalizedText,
  type TPortalCase,
  type TText,
} from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

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

/** A process step's name and who or what did it (the server names them), as the timeline shows them. */
function stepDetails(type: string, data: unknown) {
  if (!data || typeof data !== 'object') return {};
  const d = data as Record<string, unknown>;
  if (type === 'step')
    return {
      stepName: isCatalogueText(d.name) ? d.name : undefined,
      by: isLocalized(d.byText) ? d.byText : undefined,
    };
  if (type === 'decision' && typeof d.tableId === 'string')
    return {
      decision: {
        table: d.tableId,
        revision: typeof d.revision === 'number' ? d.revision : 0,
        version: typeof d.decisionId === 'string' ? d.decisionId.replace(`${d.tableId}-`, '') : '',
        rules: Array.isArray(d.rules)
          ? (d.rules as Array<{ ruleId?: unknown; description?: unknown }>).map((r) =>
              typeof r.description === 'string' && r.description ? r.description : String(r.ruleId),
            )
          : [],
      },
    };
  if (type === 'approval' && typeof d.decision === 'string') return { approval: d.decision };
  return {};
}

/** What happened on a case, oldest first. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, locale, pick } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e, i) => {
        const { reason, label, outcome } = eventDetails(e.data);
        const { stepName, by, decision, approval } = stepDetails(e.type, e.data);
        return (
          <li key={i} className={e.internal ? 'timeline-internal' : undefined}>
            <p className="timeline-head">
              <strong>{t(`event.${e.type}`)}</strong>
              {e.internal && <> ({t('event.internal')})</>} ·{' '}
              {new Date(e.at).toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')}
              {!by && e.actor && <> · {e.actor}</>}
            </p>
            {stepName && (
              <p>
                {textOf(stepName, locale)}
                {by && <> · {pick(by)}</>}
              </p>
            )}
            {approval && <p>{t(`approval.${approval}` as MessageKey)}</p>}
            {decision && (
              <p>
                {t('process.decisionLine', {
                  table: decision.table,
                  revision: decision.revision,
                  version: decision.version,
                })}
                {decision.rules.length > 0 && (
                  <>
                    <br />
                    {t('process.rules')}: {decision.rules.join('; ')}
                  </>
                )}
              </p>
            )}
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
