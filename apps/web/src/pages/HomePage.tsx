import { Link } from 'react-router';
import { ROLE_LABELS } from '@indgang/schemas';
import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { can, useSession } from '../session/SessionProvider';

/** The landing page: who you are here, what you can reach, and what each of your roles does. */
export function HomePage() {
  const { t, pick } = useI18n();
  const { me } = useSession();
  if (!me) return null;
  const cards: Array<[string, MessageKey, MessageKey, boolean]> = [
    ['/services', 'nav.services', 'home.card.services', true],
    ['/sager', 'nav.cases', 'home.card.cases', true],
    ['/sagsbehandling', 'nav.queue', 'home.card.queue', can(me, 'cases.handle')],
    ['/profil', 'nav.profile', 'home.card.profile', true],
    ['/organisation', 'nav.org', 'home.card.org', can(me, 'org.read')],
    ['/revision', 'nav.audit', 'home.card.audit', can(me, 'audit.read')],
    ['/import', 'nav.import', 'home.card.import', can(me, 'org.import')],
    [
      '/gevinster',
      'nav.benefits',
      'home.card.benefits',
      can(me, 'benefits.read') || can(me, 'benefits.manage'),
    ],
  ];
  return (
    <Page title={t('home.title', { name: me.displayName })}>
      <h2>{t('home.roles')}</h2>
      <ul className="role-list">
        {me.roles.map((r) => (
          <li key={r}>{ROLE_LABELS[r] ? pick(ROLE_LABELS[r]) : r}</li>
        ))}
      </ul>
      <p>
        {me.orgWide
          ? t('home.scope.all')
          : me.ledUnitIds.length > 0
            ? t('home.scope.leader', { units: me.ledUnitIds.join(', ') })
            : me.delegatedUnitIds.length > 0
              ? t('home.scope.deputy', { units: me.delegatedUnitIds.join(', ') })
              : t('home.scope.self')}
      </p>
      <h2>{t('home.whatYouDo')}</h2>
      <ul className="card-list">
        {cards
          .filter(([, , , show]) => show)
          .map(([to, title, text]) => (
            <li key={to} className="card">
              <div className="card-content">
                <h3 className="header-title">
                  <Link to={to}>{t(title)}</Link>
                </h3>
                <p>{t(text)}</p>
              </div>
            </li>
          ))}
      </ul>
    </Page>
  );
}
