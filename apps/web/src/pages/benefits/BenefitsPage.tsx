import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { can, useSession } from '../../session/SessionProvider';
import { ProgrammeForm } from './ProgrammeForm';

interface ProgrammeRow {
  id: string;
  name: string;
  description: string;
  status: string;
  ownerName: string;
  projectCount: number;
}

/** Programmes of benefit realisation; a programme manager starts a new one here. */
export function BenefitsPage() {
  const { pick } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const list = useApi<ProgrammeRow[]>('/api/v1/programmes');
  const manage = can(me, 'benefits.manage');
  return (
    <Page title={pick({ da: 'Gevinstrealisering', en: 'Benefit realisation' })}>
      <p>
        {pick({
          da: "Programmer og projekter med business case, gevinsttræ og KPI'er, målt på platformens egne sager.",
          en: "Programmes and projects with business case, benefit tree and KPIs, measured on the platform's own cases.",
        })}
      </p>
      <p>
        <Link to="/gevinster/beregnere">
          {pick({
            da: 'Beregnere: timepris, effektiviseringspotentiale og sparet tid',
            en: 'Calculators: hour price, efficiency potential and time saved',
          })}
        </Link>
      </p>
      <ErrorAlert error={list.error} />
      {list.loading && <Loading />}
      {list.data &&
        (list.data.length === 0 ? (
          <p>
            {pick({
              da: 'Der er ingen programmer, du har adgang til.',
              en: 'There are no programmes you have access to.',
            })}
          </p>
        ) : (
          <table className="table">
            <caption className="sr-only">{pick({ da: 'Programmer', en: 'Programmes' })}</caption>
            <thead>
              <tr>
                <th scope="col">{pick({ da: 'Program', en: 'Programme' })}</th>
                <th scope="col">{pick({ da: 'Ejer', en: 'Owner' })}</th>
                <th scope="col" className="num">
                  {pick({ da: 'Projekter', en: 'Projects' })}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/gevinster/programmer/${p.id}`}>{p.name}</Link>
                    <br />
                    <span className="unit-meta">{p.description}</span>
                  </td>
                  <td>{p.ownerName}</td>
                  <td className="num">{p.projectCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {manage && (
        <>
          <h2>{pick({ da: 'Nyt program', en: 'New programme' })}</h2>
          <ProgrammeForm
            initial={{ name: '', description: '', status: 'active' }}
            onSaved={(id) => navigate(`/gevinster/programmer/${id}`)}
          />
        </>
      )}
    </Page>
  );
}
