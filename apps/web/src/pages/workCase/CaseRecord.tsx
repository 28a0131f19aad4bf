import type { SectionAnswers, TBackofficeCase } from '@indgang/schemas';
import { AnswersSummary } from '../../components/AnswersSummary';
import { StatusTag } from '../../components/StatusTag';
import { Timeline } from '../../components/Timeline';
import { useI18n } from '../../i18n/I18nProvider';

/** The case itself: its facts, the submission (masked until revealed), its documents and timeline. */
export function CaseRecord({
  c,
  revealed,
  onReveal,
}: {
  c: TBackofficeCase;
  revealed: SectionAnswers | undefined;
  onReveal(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="work-main">
      <dl className="facts case-facts">
        <dt>{t('cases.status')}</dt>
        <dd>
          <StatusTag status={c.status} overdue={c.overdue} />
        </dd>
        <dt>{t('queue.due')}</dt>
        <dd>{c.expectedDate}</dd>
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
      <AnswersSummary def={c.definition} answers={c.answers} files={c.attachments} revealed={revealed} />
      <h2>{t('case.documents')}</h2>
      <ul>
        {c.attachments.map((a) => (
          <li key={a.id}>
            <a href={`/api/v1/attachments/${a.id}`}>{a.fileName}</a> ({Math.ceil(a.size / 1024)} kB)
          </li>
        ))}
      </ul>
      <h2>{t('case.timeline')}</h2>
      <Timeline events={c.timeline} />
    </div>
  );
}
