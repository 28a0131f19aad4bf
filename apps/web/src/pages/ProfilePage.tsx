import type { listDelegations, PersonDetail } from '@indgang/domain';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { PersonFacts } from '../components/PersonFacts';
import { useI18n } from '../i18n/I18nProvider';
import { can, useSession } from '../session/SessionProvider';

type Delegation = Awaited<ReturnType<typeof listDelegations>>[number];

export function ProfilePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const profile = useApi<{ person: PersonDetail | null }>('/api/v1/me/profile');
  const delegations = useApi<Delegation[]>('/api/v1/delegations');
  return (
    <Page title={t('profile.title')}>
      <ErrorAlert error={profile.error ?? delegations.error} />
      {profile.loading && <Loading />}
      {profile.data && (profile.data.person ? <PersonFacts person={profile.data.person} linkUnits={can(me, 'org.read')} /> : <p>{t('profile.noPerson')}</p>)}
      <h2>{t('profile.delegations')}</h2>
      {delegations.data && delegations.data.length === 0 && <p>{t('profile.noDelegations')}</p>}
      {delegations.data && delegations.data.length > 0 && (
        <ul>
          {delegations.data.map((d) => (
            <li key={d.id}>{d.fromName} → {d.toName}: {d.unitName}, {d.validFrom} – {d.validTo}{d.revoked ? ' (×)' : ''}</li>
          ))}
        </ul>
      )}
    </Page>
  );
}
