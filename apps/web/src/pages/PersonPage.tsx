import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TPersonDetail, TWatchList } from '@indgang/schemas';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { PersonFacts } from '../components/PersonFacts';
import { useI18n } from '../i18n/I18nProvider';
import { can, useSession } from '../session/SessionProvider';
import { WatchMarkTable } from './WatchListPage';

export function PersonPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { id = '' } = useParams();
  const [reveal, setReveal] = useState(false);
  const person = useApi<TPersonDetail>(
    `/api/v1/org/persons/${encodeURIComponent(id)}${reveal ? '?reveal=cpr' : ''}`,
  );
  const p = person.data;
  // The watch list is the back office's: marks on the person, in force or ended, with their reasons.
  const marks = useApi<TWatchList>(
    can(me, 'cases.handle')
      ? `/api/v1/backoffice/watch-list?all=true&personId=${encodeURIComponent(id)}`
      : null,
  );
  return (
    <Page title={p ? `${p.firstName} ${p.lastName}` : t('org.title')}>
      <p>
        <Link to="/organisation">{t('common.back')}</Link>
      </p>
      <ErrorAlert error={person.error} />
      {person.loading && !p && <Loading />}
      {p && <PersonFacts person={p} linkUnits />}
      {p && p.cpr && !p.cprRevealed && can(me, 'person.readCpr') && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setReveal(true)}>
            {t('person.revealCpr')}
          </button>{' '}
          <span>{t('person.revealNote')}</span>
        </p>
      )}
      {p && marks.data && (
        <section aria-labelledby="person-watch">
          <h2 id="person-watch">{t('watch.title')}</h2>
          <WatchMarkTable marks={marks.data.marks} onChanged={marks.reload} />
          <p>
            <Link to="/sagsbehandling/obsliste">{t('watch.link')}</Link>
          </p>
        </section>
      )}
    </Page>
  );
}
