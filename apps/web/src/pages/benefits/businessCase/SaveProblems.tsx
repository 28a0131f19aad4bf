import { useEffect, useRef, type MouseEvent } from 'react';
import type { InputIssue } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';
import { bcFieldId } from './fieldIds';

/** Scrolls a field's label into view and focuses the field, as DKFDS's error summary does. */
function focusField(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  (document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? target).scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * Why the business case was not saved: DKFDS's error summary with one line per problem, each in the
 * reader's language naming its line and field and linking to the field. It takes focus when shown.
 */
export function SaveProblems({ issues }: { issues: InputIssue[] }) {
  const { t, pick } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const shown = issues.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (!shown) return null;
  // The same problem can arrive twice (e.g. from the browser's check and the server's); say it once.
  const unique = issues.filter((i, k) => issues.findIndex((o) => pick(o.message) === pick(i.message)) === k);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="alert alert-error error-summary"
      role="alert"
      aria-atomic="true"
      data-testid="bc-save-problems"
    >
      <div className="alert-body">
        <p className="alert-heading">
          {unique.length === 1
            ? t('businessCase.notSavedOne')
            : t('businessCase.notSaved', { n: unique.length })}
        </p>
        <ul className="alert-text nobullet-list">
          {unique.map((issue) => {
            const id = bcFieldId(issue.path);
            const message = pick(issue.message);
            return (
              <li key={issue.path}>
                {id ? (
                  <a className="function-link" href={`#${id}`} onClick={(e) => focusField(e, id)}>
                    {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
