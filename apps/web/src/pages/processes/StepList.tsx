import type { ProcessProblem, TProcessDefinition, TProcessStep, TServiceProcess } from '@indgang/schemas';
import { textOf } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

/** The anchor of a step's row, which the error summary links to. */
export const stepAnchor = (id: string) => `trin-${id}`;

/**
 * The process in plain words, one row per step: its kind, norm time, effort, who or what does it,
 * and where it leads. The text alternative of the diagram, and where problems point.
 */
export function StepList({
  process,
  outcomes,
  problems,
}: {
  process: TProcessDefinition;
  outcomes: TServiceProcess['service']['outcomes'];
  problems: ProcessProblem[];
}) {
  const { t, locale, pick } = useI18n();
  const nameOf = (id: string) => {
    const step = process.steps.find((s) => s.id === id);
    return step ? textOf(step.name, locale) : id;
  };
  const details = (step: TProcessStep): string[] => {
    const lines: string[] = [];
    if (step.approver)
      lines.push(
        typeof step.approver === 'string'
          ? t(`processes.approver.${step.approver}`)
          : t('processes.approver.role', { role: step.approver.role }),
      );
    if (step.team) lines.push(t('processes.team', { team: step.team }));
    if (step.action) lines.push(t('processes.action', { action: step.action }));
    if (step.decision) lines.push(t('processes.decision', { decision: step.decision }));
    if (step.topic) lines.push(t('processes.topic', { topic: step.topic }));
    if (step.until)
      lines.push(
        t('processes.until', {
          field: step.until.field,
          offset: step.until.offsetDays
            ? t('processes.offset', {
                n: step.until.offsetDays > 0 ? `+${step.until.offsetDays}` : step.until.offsetDays,
              })
            : '',
        }).trim(),
      );
    if (step.event) lines.push(t('processes.event', { event: step.event }));
    if (step.outcome) {
      const outcome = outcomes.find((o) => o.id === step.outcome);
      lines.push(t('processes.outcome', { outcome: outcome ? textOf(outcome.label, locale) : step.outcome }));
    }
    return lines;
  };
  return (
    <table className="table table--compact table--responsive-headers process-steps">
      <caption>{t('processes.stepList')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('processes.col.step')}</th>
          <th scope="col">{t('processes.col.kind')}</th>
          <th scope="col">{t('processes.col.norm')}</th>
          <th scope="col">{t('processes.col.effort')}</th>
          <th scope="col">{t('processes.col.details')}</th>
          <th scope="col">{t('processes.col.next')}</th>
        </tr>
      </thead>
      <tbody>
        {process.steps.map((step) => {
          const own = problems.filter((p) => p.stepId === step.id);
          return (
            <tr
              key={step.id}
              id={stepAnchor(step.id)}
              tabIndex={-1}
              className={own.length ? 'process-step--problem' : undefined}
            >
              <th scope="row" data-title={t('processes.col.step')}>
                {textOf(step.name, locale)}
                {step.id === process.start && ` (${t('processes.start')})`}
                {own.map((p, i) => (
                  <span key={i} className="form-error-message d-block">
                    {pick(p)}
                  </span>
                ))}
              </th>
              <td data-title={t('processes.col.kind')}>{t(`processes.kind.${step.kind}`)}</td>
              <td data-title={t('processes.col.norm')}>
                {step.normDays !== undefined
                  ? t('processes.days', { n: step.normDays })
                  : t('processes.none')}
              </td>
              <td data-title={t('processes.col.effort')}>
                {step.effortMinutes !== undefined
                  ? t('processes.minutes', { n: step.effortMinutes })
                  : t('processes.none')}
              </td>
              <td data-title={t('processes.col.details')}>
                {details(step).join('; ') || t('processes.none')}
              </td>
              <td data-title={t('processes.col.next')}>
                {step.next.length === 0
                  ? t('processes.none')
                  : step.next
                      .map((n) =>
                        [
                          nameOf(n.to),
                          n.on
                            ? t('processes.on', { result: t(`processes.result.${n.on}` as MessageKey) })
                            : '',
                          n.when ? t('processes.when', { when: n.when }) : '',
                        ]
                          .filter(Boolean)
                          .join(' '),
                      )
                      .join('; ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
