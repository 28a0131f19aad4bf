import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TAuthOptions, TDemoLoginBody, TDemoUser } from '@indgang/schemas';
import { api, ApiError } from '../api/apiClient';
import { useApi } from '../api/useApi';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { useSession } from '../session/SessionProvider';

export function LoginPage() {
  const { t, pick } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const options = useApi<TAuthOptions>('/api/v1/auth/options');
  const demoUsers = useApi<TDemoUser[]>(options.data?.demoLogin ? '/api/v1/auth/demo-users' : null);
  const [error, setError] = useState<ApiError>();
  const [params] = useSearchParams();
  const loginErrorKey = `login.error.${params.get('error') ?? ''}`;
  const loginError = loginErrorKey in MESSAGES.da ? t(loginErrorKey as MessageKey) : null;

  const loginAs = async (userId: string) => {
    try {
      const body: TDemoLoginBody = { userId };
      await api('/auth/demo-login', { method: 'POST', body: JSON.stringify(body) });
      await refresh();
      void navigate('/');
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
    }
  };

  return (
    <Page title={t('login.title')}>
      <p className="font-lead">{t('login.intro')}</p>
      {loginError && (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{loginError}</p>
        </div>
      )}
      <ErrorAlert error={error ?? options.error ?? demoUsers.error} />
      {options.loading && <Loading />}
      {options.data?.oidc && (
        <p>
          <a className="button button-primary" href="/auth/oidc/login">
            {t('login.oidc')}
          </a>
        </p>
      )}
      {options.data?.demoLogin && (
        <section aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t('login.demoTitle')}</h2>
          <p>{t('login.demoIntro')}</p>
          <ul className="demo-users">
            {demoUsers.data?.map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  className="button button-secondary"
                  data-user={u.id}
                  onClick={() => void loginAs(u.id)}
                >
                  <span className="sr-only">{t('login.as')} </span>
                  {u.displayName}
                </button>
                <span className="demo-user-role">{pick(u.description)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
