import { textOf, type TPortalCaseSteps } from '@indgang/schemas';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';

type Step = TPortalCaseSteps['steps'][number] & { assignee?: string | null };

/** The steps a case is at now, by name in plain words, with who must act and the deadline. */
export function CurrentSteps({ steps, side }: { steps: Step[]; side: 'submitter' | 'caseworker' }) {
  const { t, locale } = useI18n();
  const shown = steps.filter((s) => s.kind !== 'parallel' && s.kind !== 'join' && s.kind !== 'end');
  if (shown.length === 0) return <p>{t('steps.none')}</p>;
  return (
    <ul className="current-steps" data-testid="current-steps">
      {shown.map((s) => {
        const text = side === 'submitter' && s.portalText ? s.portalText : s.name;
        return (
          <li key={s.caseStepId}>
            <strong>{text ? textOf(text, locale) : s.stepId}</strong>
            {s.assignee && <> · {t('steps.assignee', { name: s.assignee })}</>}
            {(s.kind === 'automated' || s.kind === 'robot' || s.kind === 'wait') && (
              <> · {t('steps.automated')}</>
            )}
            {s.dueDate && <> · {t('steps.deadline', { date: formatDay(s.dueDate, locale) })}</>}
            {s.overdue && (
              <>
                {' '}
                <span className="status-tag status-overdue">{t('steps.overdue')}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
