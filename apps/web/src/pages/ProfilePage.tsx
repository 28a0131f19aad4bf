import type { TDelegation, TProfile } from '@indgang/schemas';
import { api } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { DelegationForm } from '../components/DelegationForm';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { PersonFacts } from '../components/PersonFacts';
import { useI18n } from '../i18n/I18nProvider';
import { formatDay } from '../i18n/formatDate';
import { can, useSession } from '../session/SessionProvider';

export function ProfilePage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const profile = useApi<TProfile>('/api/v1/me/profile');
  const delegations = useApi<TDelegation[]>('/api/v1/delegations');
  const revoke = async (id: string) => {
    await api(`/api/v1/delegations/${encodeURIComponent(id)}`, { method: 'DELETE' });
    delegations.reload();
  };
  return (
    <Page title={t('profile.title')}>
      <ErrorAlert error={profile.error ?? delegations.error} />
      {profile.loading && <Loading />}
      {profile.data &&
        (profile.data.person ? (
          <PersonFacts person={profile.data.person} linkUnits={can(me, 'org.read')} />
        ) : (
          <p>{t('profile.noPerson')}</p>
        ))}
      <h2>{t('profile.delegations')}</h2>
      {delegations.data && delegations.data.length === 0 && <p>{t('profile.noDelegations')}</p>}
      {delegations.data && delegations.data.length > 0 && (
        <ul className="delegation-list">
          {delegations.data.map((d) => (
            <li key={d.id}>
              {t('delegation.line', {
                from: d.fromName,
                to: d.toName,
                unit: d.unitName,
                start: formatDay(d.validFrom, locale),
                end: formatDay(d.validTo, locale),
              })}
              {d.revoked
                ? ` (${t('delegation.revoked')})`
                : d.givenByMe && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button-tertiary"
                        onClick={() => void revoke(d.id)}
                      >
                        {t('delegation.revoke')}
                      </button>
                    </>
                  )}
            </li>
          ))}
        </ul>
      )}
      {me && can(me, 'delegation.manage') && (
        <DelegationForm ledUnitIds={me.ledUnitIds} onCreated={delegations.reload} />
      )}
    </Page>
  );
}
