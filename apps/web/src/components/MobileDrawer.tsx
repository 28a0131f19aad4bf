import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from './Icon';
import { isWithin, type MenuLink } from './menuLinks';

/** Below this width DKFDS shows the menu button and the drawer instead of the main menu (`lg`). */
const DESKTOP = '(min-width: 992px)';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]';

/**
 * The DKFDS mobile menu (`mobile-drawer` with `overlay`), behaving as DKFDS's navigation script
 * does: it opens over the page with the body's scrolling stopped (`mobile-nav-active`), focus moves
 * to its close button and stays inside it (Tab wraps), and Escape, the overlay, the close button, a
 * link or growing to desktop width closes it, focus returning to the menu button.
 */
export function MobileDrawer({
  open,
  onClose,
  opener,
  links,
  userName,
  actions,
}: {
  open: boolean;
  onClose(): void;
  opener: RefObject<HTMLButtonElement | null>;
  links: MenuLink[];
  userName: string;
  actions: ReactNode;
}) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const drawer = useRef<HTMLDivElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    document.body.classList.toggle('mobile-nav-active', open);
    if (open) closer.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
    return () => document.body.classList.remove('mobile-nav-active');
  }, [open, opener]);

  useEffect(() => {
    if (!open) return;
    const desktop = window.matchMedia(DESKTOP);
    const grown = () => {
      if (desktop.matches) onClose();
    };
    desktop.addEventListener('change', grown);
    return () => desktop.removeEventListener('change', grown);
  }, [open, onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !drawer.current) return;
    const stops = [...drawer.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetWidth > 0 || el.offsetHeight > 0,
    );
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return (
    <>
      <div className={`overlay${open ? ' is-visible' : ''}`} onClick={onClose} aria-hidden="true" />
      <div
        ref={drawer}
        id="mobile-drawer"
        className={`mobile-drawer${open ? ' is-visible' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="menu-heading"
        onKeyDown={onKeyDown}
      >
        <div className="menu-top">
          <h2 id="menu-heading" className="menu-heading">
            {t('shell.menu')}
          </h2>
          <button
            ref={closer}
            type="button"
            className="function-link button-menu-close js-menu-close"
            aria-label={t('shell.closeMenu')}
            onClick={onClose}
          >
            <Icon name="close" />
            {t('shell.close')}
          </button>
        </div>
        <nav className="navigation-menu-mobile" aria-label={t('app.nav')}>
          <ul className="mainmenu">
            {links.map(({ to, label }) => {
              const current = isWithin(pathname, to);
              return (
                <li key={to} className={current ? 'active current' : undefined}>
                  <Link
                    to={to}
                    className="nav-link"
                    aria-current={current ? (pathname === to ? 'page' : 'true') : undefined}
                    onClick={onClose}
                  >
                    <span>{t(label)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="portal-info-mobile">
          <h3 className="sr-only">{t('shell.user')}</h3>
          <p className="user">{userName}</p>
          {actions}
        </div>
      </div>
    </>
  );
}
