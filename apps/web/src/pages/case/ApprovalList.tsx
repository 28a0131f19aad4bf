import { Link } from 'react-router';
import { textOf, type TApprovalList } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { dayInDenmark, formatDay } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';

/** "Afventer din godkendelse": the cases waiting for the user's decision, oldest deadline first. */
export function ApprovalList() {
  const { t, locale } = useI18n();
  const list = useApi<TApprovalList>('/api/v1/approvals');
  const items = list.data?.approvals;
  return (
    <>
      <ErrorAlert error={list.error} />
      {!items && list.loading && <Loading />}
      {items && (
        <p className="case-count" role="status">
          {items.length === 0
            ? t('approvals.none')
            : items.length === 1
              ? t('approvals.showingOne')
              : t('approvals.showing', { count: items.length })}
        </p>
      )}
      {items && items.length > 0 && (
        <table
          className="table table--compact table--responsive-headers case-table"
          data-testid="approval-list"
        >
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('cases.service')}</th>
              <th scope="col">{t('cases.subject')}</th>
              <th scope="col">{t('approvals.submittedBy')}</th>
              <th scope="col">{t('cases.submitted')}</th>
              <th scope="col">{t('approvals.step')}</th>
              <th scope="col">{t('approvals.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.caseStepId}>
                <td data-title={t('cases.number')}>
                  <Link to={`/sager/${a.caseId}`}>{a.number}</Link>
                </td>
                <td data-title={t('cases.service')}>{textOf(a.serviceName, locale)}</td>
                <td data-title={t('cases.subject')}>{a.subjectName ?? a.unitName}</td>
                <td data-title={t('approvals.submittedBy')}>{a.submittedBy}</td>
                <td data-title={t('cases.submitted')}>{formatDay(dayInDenmark(a.submittedAt), locale)}</td>
                <td data-title={t('approvals.step')}>
                  {a.stepName ? textOf(a.stepName, locale) : '–'}
                  {a.onBehalfOf && <> ({t('approvals.onBehalfOf', { name: a.onBehalfOf })})</>}
                </td>
                <td data-title={t('approvals.deadline')}>
                  {a.dueDate ? formatDay(a.dueDate, locale) : '–'}
                  {a.overdue && (
                    <>
                      {' '}
                      <span className="status-tag status-overdue">{t('steps.overdue')}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
