import { formatNumber } from '../../components/benefits/formatNumber';
import { useI18n } from '../../i18n/I18nProvider';

export interface RegisterRow {
  projectId: string;
  projectName: string;
  year: number;
  expected: number;
  realised: number | null;
  difference: number | null;
  note: string;
}

/** Expected against realised benefits per project and year, in 1,000 DKK (a gain is positive). */
export function BenefitRegisterTable({ rows }: { rows: RegisterRow[] }) {
  const { pick, locale } = useI18n();
  if (rows.length === 0)
    return (
      <p>
        {pick({
          da: 'Ingen forventede eller realiserede gevinster endnu.',
          en: 'No expected or realised benefits yet.',
        })}
      </p>
    );
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption>
          {pick({
            da: 'Forventet og realiseret gevinst, 1.000 kr. (gevinst positiv)',
            en: 'Expected and realised benefit, 1,000 DKK (gain positive)',
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{pick({ da: 'Projekt', en: 'Project' })}</th>
            <th scope="col" className="num">
              {pick({ da: 'År', en: 'Year' })}
            </th>
            <th scope="col" className="num">
              {pick({ da: 'Forventet', en: 'Expected' })}
            </th>
            <th scope="col" className="num">
              {pick({ da: 'Realiseret', en: 'Realised' })}
            </th>
            <th scope="col" className="num">
              {pick({ da: 'Afvigelse', en: 'Difference' })}
            </th>
            <th scope="col">{pick({ da: 'Note', en: 'Note' })}</th>
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
    </div>
  );
}
