import type { TRegisterRow } from '@indgang/schemas';
import { formatNumber } from '../../components/benefits/formatNumber';
import { useI18n } from '../../i18n/I18nProvider';
import { ScrollRegion } from '../../components/ScrollRegion';

/** Expected against realised benefits per project and year, in 1,000 DKK (a gain is positive). */
export function BenefitRegisterTable({ rows }: { rows: TRegisterRow[] }) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return <p>{t('register.none')}</p>;
  return (
    <ScrollRegion label={t('register.caption')}>
      <table className="table table--compact">
        <caption>{t('register.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('register.project')}</th>
            <th scope="col" className="num">
              {t('register.year')}
            </th>
            <th scope="col" className="num">
              {t('register.expected')}
            </th>
            <th scope="col" className="num">
              {t('register.realised')}
            </th>
            <th scope="col" className="num">
              {t('register.difference')}
            </th>
            <th scope="col">{t('register.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.projectId}-${r.year}`}>
              <td>{r.projectName}</td>
              <td className="num">{r.year}</td>
              <td className="num">{formatNumber(r.expected, locale)}</td>
              <td className="num">{formatNumber(r.realised, locale)}</td>
              <td className="num">{formatNumber(r.difference, locale)}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
