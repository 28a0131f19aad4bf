import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from './Icon';

/**
 * The pages to show as DKFDS's pagination does: all of up to 7; else the first five (or last five)
 * around the ends, or the first, the neighbours of the current and the last, with `null` for dots.
 */
export function pageNumbers(current: number, total: number): Array<number | null> {
  if (total <= 7) return Array.from({ length: total }, (_, i) => i + 1);
  if (current < 5) return [1, 2, 3, 4, 5, null, total];
  if (current + 4 > total) return [1, null, total - 4, total - 3, total - 2, total - 1, total];
  return [1, null, current - 1, current, current + 1, null, total];
}

/**
 * DKFDS pagination (`nav.pagination`): first, previous, the page numbers, next and last, and "Side 2
 * af 6" on a phone. Each page is a link to the same address with `page` set (`href(n)`).
 */
export function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href(page: number): string;
}) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  const arrow = (to: number, className: string, hidden: boolean, children: ReactNode, label?: string) => (
    <Link
      to={href(to)}
      className={`button button-arrow ${className}${hidden ? ' hidden' : ''}`}
      aria-label={label}
      aria-hidden={hidden || undefined}
      tabIndex={hidden ? -1 : undefined}
    >
      {children}
    </Link>
  );
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {arrow(
        1,
        'button-first',
        page === 1,
        <>
          <Icon name="first-page" />
          <span className="sr-only">{t('pagination.first')}</span>
        </>,
      )}
      {arrow(
        page - 1,
        'button-previous',
        page === 1,
        <>
          <Icon name="chevron-left" />
          <span className="pagination-nav-link">{t('pagination.previous')}</span>
        </>,
        t('pagination.previousPage'),
      )}
      <span className="pagination-mobile">{t('pagination.mobile', { page, pages })}</span>
      <ul className="pagination__items">
        {pageNumbers(page, pages).map((n, i) =>
          n === null ? (
            <li key={`dots-${i}`} className="pagination-item pagination-overflow">
              <span className="sr-only">{t('pagination.dots')}</span>
              <span aria-hidden="true">...</span>
            </li>
          ) : (
            <li key={n} className="pagination-item pagination-number">
              <Link
                to={href(n)}
                className={`button ${n === page ? 'current-page' : 'button-secondary'}`}
                aria-label={
                  n === pages && n !== page ? t('pagination.lastPageN', { n }) : t('pagination.page', { n })
                }
                aria-current={n === page ? 'page' : undefined}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {arrow(
        page + 1,
        'button-next',
        page === pages,
        <>
          <span className="pagination-nav-link">{t('pagination.next')}</span>
          <Icon name="chevron-right" />
        </>,
        t('pagination.nextPage'),
      )}
      {arrow(
        pages,
        'button-last',
        page === pages,
        <>
          <Icon name="last-page" />
          <span className="sr-only">{t('pagination.last')}</span>
        </>,
      )}
    </nav>
  );
}
