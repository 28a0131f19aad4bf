import { textOf, type SectionAnswers, type TBackofficeCase } from '@indgang/schemas';
import type { ApiError } from '../../api/apiClient';
import { AnswersSummary } from '../../components/AnswersSummary';
import { CaseActionError } from '../../components/CaseActionError';
import { CaseClock } from '../../components/CaseClock';
import { CaseDocuments } from '../../components/CaseDocuments';
import { StatusTag } from '../../components/StatusTag';
import { Timeline } from '../../components/Timeline';
import { useI18n } from '../../i18n/I18nProvider';

/** The case itself: its facts and clock, the submission (masked until revealed), its documents and timeline. */
export function CaseRecord({
  c,
  revealed,
  onReveal,
  revealError,
}: {
  c: TBackofficeCase;
  revealed: SectionAnswers | undefined;
  onReveal(): void;
  revealError: ApiError | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="work-main">
      <dl className="facts case-facts">
        <dt>{t('cases.status')}</dt>
        <dd data-testid="case-status">
          <StatusTag status={c.status} overdue={c.overdue} side="caseworker" />
        </dd>
        {c.outcome && (
          <>
            <dt>{t('work.outcome')}</dt>
            <dd data-testid="case-outcome">{textOf(c.outcome.label, locale)}</dd>
          </>
        )}
        <dt>{t('clock.title')}</dt>
        <dd>
          <CaseClock c={c} side="caseworker" />
        </dd>
        <dt>{t('work.submitter')}</dt>
        <dd>
          {c.submitter.name}
          {c.onBehalfOf && <> ({t('work.onBehalfOf', { name: c.onBehalfOf })})</>}
        </dd>
        <dt>{t('queue.assignee')}</dt>
        <dd>{c.assigneeName ?? '–'}</dd>
        <dt>{t('work.anchors')}</dt>
        <dd>{c.anchors.join(', ') || '–'}</dd>
      </dl>
      <h2>{t('case.answers')}</h2>
      {c.canReveal && !revealed && (
        <p>
          <button type="button" className="button button-secondary" onClick={onReveal}>
            {t('work.reveal')}
          </button>{' '}
          <span className="form-hint">{t('work.revealHint')}</span>
        </p>
      )}
      <CaseActionError error={revealError} />
      <AnswersSummary
        def={c.definition}
        answers={c.answers}
        files={c.attachments}
        revealed={revealed}
        names={c.names}
        filesListed
      />
      <CaseDocuments def={c.definition} answers={c.answers} documents={c.documents} files={c.attachments} />
      <h2>{t('case.timeline')}</h2>
      <Timeline events={c.timeline} />
    </div>
  );
}
