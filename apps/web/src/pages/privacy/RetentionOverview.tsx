import { textOf, type TRetention, type TRetentionOverview } from '@indgang/schemas';
import type { ApiState } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { ScrollRegion } from '../../components/ScrollRegion';

/** Each service's classification and retention rule, with what the nightly run has done. */
export function RetentionOverview({ overview }: { overview: ApiState<TRetentionOverview> }) {
  const { t, locale } = useI18n();
  const rule = (r: TRetention | null) => {
    if (!r) return t('privacy.noRule');
    const period = [
      r.years ? t('privacy.years', { n: r.years }) : '',
      r.months ? t('privacy.months', { n: r.months }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return t(`privacy.rule.${r.action}.${r.from}`, { period });
  };
  return (
    <>
      <h2>{t('privacy.retentionTitle')}</h2>
      <p>
        {overview.data?.lastRun
          ? t('privacy.lastRun', { day: overview.data.lastRun.split('-').reverse().join('.') })
          : t('privacy.notRunYet')}
      </p>
      {overview.data && (
        <ScrollRegion label={t('privacy.retentionTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('privacy.service')}</th>
                <th scope="col">KLE</th>
                <th scope="col">{t('privacy.rule')}</th>
                <th scope="col" className="num">
                  {t('privacy.cases')}
                </th>
                <th scope="col" className="num">
                  {t('privacy.anonymised')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.data.services.map((s) => (
                <tr key={s.id}>
                  <td>{textOf(s.name, locale)}</td>
                  <td>{s.kle ?? '–'}</td>
                  <td>{rule(s.retention)}</td>
                  <td className="num">{s.cases}</td>
                  <td className="num">{s.anonymised}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
