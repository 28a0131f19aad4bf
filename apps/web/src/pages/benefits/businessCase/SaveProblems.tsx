import { useEffect, useRef } from 'react';
import type { InputIssue } from '@indgang/schemas';
import { ErrorSummary, ErrorSummaryLine } from '../../../components/ErrorSummary';
import { useI18n } from '../../../i18n/I18nProvider';
import { bcFieldId } from './fieldIds';

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
    <ErrorSummary
      focusRef={ref}
      testId="bc-save-problems"
      heading={
        unique.length === 1 ? t('businessCase.notSavedOne') : t('businessCase.notSaved', { n: unique.length })
      }
    >
      {unique.map((issue) => (
        <ErrorSummaryLine key={issue.path} targetId={bcFieldId(issue.path)}>
          {pick(issue.message)}
        </ErrorSummaryLine>
      ))}
    </ErrorSummary>
  );
}
