import { Link } from 'react-router';
import type { TDecisionTableList } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { formatDay } from '../../i18n/formatDate';
import { useI18n } from '../../i18n/I18nProvider';

/** For configurators (read: process owners, auditors): the decision tables with their versions. */
export function DecisionTablesPage() {
  const { t, locale } = useI18n();
  const { data, error, loading } = useApi<TDecisionTableList>('/api/v1/decision-tables');
  return (
    <Page title={t('decisions.title')}>
      <p>{t('decisions.intro')}</p>
      {loading && <Loading />}
      <ErrorAlert error={error} />
      {data && (
        <table className="table table--compact table--responsive-headers">
          <thead>
            <tr>
              <th scope="col">{t('decisions.table')}</th>
              <th scope="col">{t('decisions.revision')}</th>
              <th scope="col">{t('decisions.versions')}</th>
              <th scope="col">{t('decisions.decisions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.tables.map((table) => (
              <tr key={table.id}>
                <td data-title={t('decisions.table')}>
                  <Link to={`/beslutningstabeller/${encodeURIComponent(table.id)}`}>{table.name}</Link>
                </td>
                <td data-title={t('decisions.revision')}>{table.revision}</td>
                <td data-title={t('decisions.versions')}>
                  {table.versions
                    .map((v) =>
                      v.effectiveTo
                        ? t('decisions.validRange', {
                            from: formatDay(v.effectiveFrom, locale),
                            to: formatDay(v.effectiveTo, locale),
                          })
                        : t('decisions.validFrom', { from: formatDay(v.effectiveFrom, locale) }),
                    )
                    .join('; ')}
                </td>
                <td data-title={t('decisions.decisions')}>{table.decisions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
