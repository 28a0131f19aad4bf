import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { can, useSession } from '../session/SessionProvider';

/** The frame of every page: skip link, header with language switch and logout, menu, footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const links: Array<[string, MessageKey, boolean]> = [
    ['/', 'nav.home', true],
    ['/services', 'nav.services', !can(me, 'cases.handle') || (me?.roles.includes('leader') ?? false)],
    ['/sager', 'nav.cases', true],
    ['/sagsbehandling', 'nav.queue', can(me, 'cases.handle')],
    ['/profil', 'nav.profile', true],
    ['/organisation', 'nav.org', can(me, 'org.read')],
    ['/revision', 'nav.audit', can(me, 'audit.read')],
    ['/import', 'nav.import', can(me, 'org.import')],
    ['/katalog', 'nav.catalogAdmin', can(me, 'catalog.manage')],
    ['/gevinster', 'nav.benefits', can(me, 'benefits.read') || can(me, 'benefits.manage')],
    ['/databeskyttelse', 'nav.privacy', can(me, 'privacy.manage')],
  ];
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('app.skip')}
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <span className="h3 app-title">
              {t('app.name')} · {t('app.municipality')}
            </span>
            <div className="app-header-actions">
              <button
                type="button"
                className="button button-tertiary"
                lang={locale === 'da' ? 'en' : 'da'}
                onClick={() => setLocale(locale === 'da' ? 'en' : 'da')}
              >
                {t('app.switchTo')}
              </button>
              {me && (
                <div className="portal-user">
                  <span className="user-name">{me.displayName}</span>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void logout().then(() => navigate('/login'))}
                  >
                    {t('app.logout')}
                  </button>
                </div>
              )}
            </div>
          </div>
        </div>
        {me && (
          <nav className="navigation-menu" aria-label={t('app.nav')}>
            <div className="navigation-menu-inner container">
              <ul className="mainmenu app-menu">
                {links
                  .filter(([, , show]) => show)
                  .map(([to, key]) => (
                    <li key={to}>
                      <NavLink to={to} end={to === '/'} className="mainmenu-item">
                        {t(key)}
                      </NavLink>
                    </li>
                  ))}
              </ul>
            </div>
          </nav>
        )}
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}
