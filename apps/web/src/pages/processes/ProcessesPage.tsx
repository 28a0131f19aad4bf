import { Link } from 'react-router';
import { textOf, type TProcessServiceList } from '@indgang/schemas';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';

/** For configurators and process owners: every service with its process, each opening as a diagram. */
export function ProcessesPage() {
  const { t, locale } = useI18n();
  const { data, error, loading } = useApi<TProcessServiceList>('/api/v1/processes');
  const services = [...(data?.services ?? [])].sort((a, b) =>
    textOf(a.name, locale).localeCompare(textOf(b.name, locale), locale),
  );
  return (
    <Page title={t('processes.title')}>
      <p>{t('processes.intro')}</p>
      {loading && <Loading />}
      <ErrorAlert error={error} />
      {data && (
        <table className="table table--compact table--responsive-headers">
          <thead>
            <tr>
              <th scope="col">{t('processes.service')}</th>
              <th scope="col">{t('processes.version')}</th>
              <th scope="col">{t('processes.steps')}</th>
              <th scope="col">{t('processes.own')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <td data-title={t('processes.service')}>
                  <Link to={`/processer/${s.id}`}>{textOf(s.name, locale)}</Link>
                </td>
                <td data-title={t('processes.version')}>{s.version}</td>
                <td data-title={t('processes.steps')}>{s.steps}</td>
                <td data-title={t('processes.own')}>
                  {s.ownProcess ? t('decisions.true') : t('processes.default')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
