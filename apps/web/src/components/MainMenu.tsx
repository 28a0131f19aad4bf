import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { isWithin, type MenuLink } from './menuLinks';

/** The attributes DKFDS gives a main-menu item: `active current` and `aria-current` on the page shown. */
function itemState(pathname: string, to: string) {
  const current = isWithin(pathname, to);
  return {
    className: current ? 'active current' : undefined,
    ariaCurrent: current ? (pathname === to ? ('page' as const) : ('true' as const)) : undefined,
  };
}

/**
 * The DKFDS main menu on a desktop (`navigation-menu`): the links that fit side by side, and the
 * rest under "Mere" as DKFDS's navigation script does it, measured again whenever the width or the
 * texts change.
 */
/** One item of the menu, marked when the page shown is at or below its address. */
function MenuItem({ link: { to, label }, pathname }: { link: MenuLink; pathname: string }) {
  const { t } = useI18n();
  const state = itemState(pathname, to);
  return (
    <li className={state.className}>
      <Link to={to} className="nav-link" aria-current={state.ariaCurrent}>
        <span>{t(label)}</span>
      </Link>
    </li>
  );
}

export function MainMenu({ links }: { links: MenuLink[] }) {
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  const inner = useRef<HTMLDivElement>(null);
  const ruler = useRef<HTMLUListElement>(null);
  const moreRef = useRef<HTMLDivElement>(null);
  const [fits, setFits] = useState(links.length);
  const [moreOpen, setMoreOpen] = useState(false);

  useLayoutEffect(() => {
    const container = inner.current;
    if (!container) return;
    const fit = () => {
      const widths = [...(ruler.current?.children ?? [])].map((li) =>
        Math.ceil(li.getBoundingClientRect().width),
      );
      const more = widths.pop() ?? 0;
      const style = getComputedStyle(container);
      const available =
        container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const total = widths.reduce((sum, w) => sum + w, 0);
      if (total <= available) return setFits(widths.length);
      let used = more;
      let n = 0;
      while (n < widths.length && used + widths[n]! <= available) used += widths[n++]!;
      setFits(n);
    };
    fit();
    void document.fonts.ready.then(fit);
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => observer.disconnect();
  }, [links, locale]);

  useEffect(() => setMoreOpen(false), [pathname]);
  useEffect(() => {
    if (!moreOpen) return;
    const outside = (e: Event) => {
      if (!moreRef.current?.contains(e.target as Node)) setMoreOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMoreOpen(false);
    };
    document.addEventListener('click', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('click', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [moreOpen]);

  const shown = links.slice(0, fits);
  const overflow = links.slice(fits);
  const overflowActive = overflow.some((l) => isWithin(pathname, l.to));
  return (
    <div className="navigation-menu">
      <div className="navigation-menu-inner container" ref={inner}>
        <nav className="nav" aria-label={t('app.nav')}>
          <ul className="mainmenu">
            {shown.map((link) => (
              <MenuItem key={link.to} link={link} pathname={pathname} />
            ))}
            {overflow.length > 0 && (
              <li className={`more-option${overflowActive ? ' active' : ''}`}>
                <div className="submenu" ref={moreRef}>
                  <button
                    type="button"
                    className="more-button button-overflow-menu"
                    aria-expanded={moreOpen}
                    aria-controls="main-menu-more"
                    onClick={() => setMoreOpen((open) => !open)}
                  >
                    <span>{t('shell.more')}</span>
                  </button>
                  <div className={`overflow-menu-inner${moreOpen ? '' : ' collapsed'}`} id="main-menu-more">
                    <ul className="overflow-list">
                      {overflow.map((link) => (
                        <MenuItem key={link.to} link={link} pathname={pathname} />
                      ))}
                    </ul>
                  </div>
                </div>
              </li>
            )}
          </ul>
          {/* The same items, invisible, to measure what fits. */}
          <ul className="mainmenu main-menu-ruler" ref={ruler} aria-hidden="true">
            {links.map(({ to, label }) => (
              <li key={to}>
                <span className="nav-link">
                  <span>{t(label)}</span>
                </span>
              </li>
            ))}
            <li>
              <span className="more-button button-overflow-menu ruler-more">
                <span>{t('shell.more')}</span>
              </span>
            </li>
          </ul>
        </nav>
      </div>
    </div>
  );
}
