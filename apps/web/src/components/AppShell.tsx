import './shell.css';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { Icon } from './Icon';
import { MainMenu } from './MainMenu';
import { menuLinks } from './menuLinks';
import { MobileDrawer } from './MobileDrawer';

/**
 * The frame of every page: skip link, the DKFDS header (portal info with the user and "Log ud", the
 * main menu on a desktop, the menu button and drawer on a phone), and the footer.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  const links = me ? menuLinks(me) : [];
  const other = locale === 'da' ? 'en' : 'da';
  const switchLanguage = (
    <button
      type="button"
      className="function-link language-button"
      lang={other}
      onClick={() => setLocale(other)}
    >
      {t('app.switchTo')}
    </button>
  );
  const logOff = (
    <button
      type="button"
      className="function-link d-print-none log-off"
      onClick={() => {
        setMenuOpen(false);
        void logout().then(() => navigate('/login'));
      }}
    >
      <Icon name="lock" />
      {t('app.logout')}
    </button>
  );
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('app.skip')}
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <Link
              to="/"
              className="app-title"
              aria-label={`${t('app.name')} · ${t('app.municipality')}, ${t('shell.home')}`}
            >
              {t('app.name')} <span className="app-title-municipality">· {t('app.municipality')}</span>
            </Link>
            {me ? (
              <>
                <button
                  ref={opener}
                  type="button"
                  className="function-link button-menu-open js-menu-open ml-auto d-print-none"
                  aria-haspopup="dialog"
                  aria-expanded={menuOpen}
                  aria-controls="mobile-drawer"
                  onClick={() => setMenuOpen(true)}
                >
                  <Icon name="menu" />
                  {t('shell.menu')}
                </button>
                <div className="portal-user">
                  {switchLanguage}
                  <p className="user">{me.displayName}</p>
                  {logOff}
                </div>
              </>
            ) : (
              <div className="ml-auto">{switchLanguage}</div>
            )}
          </div>
        </div>
        {me && (
          <>
            <MobileDrawer
              open={menuOpen}
              onClose={closeMenu}
              opener={opener}
              links={links}
              userName={me.displayName}
              actions={
                <>
                  <p>{switchLanguage}</p>
                  <p>{logOff}</p>
                </>
              }
            />
            <MainMenu links={links} />
          </>
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
