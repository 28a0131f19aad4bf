import type { InputIssue } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';

/** What stops the figures from being computed (the first ten), as the shared evaluation words it. */
export function EvaluationIssues({ issues }: { issues: InputIssue[] }) {
  const { t, pick } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status">
      <div className="alert-body">
        <p className="alert-heading">{t('businessCase.fixFirst')}</p>
        <ul>
          {issues.slice(0, 10).map((i) => (
            <li key={i.path}>{pick(i.message)}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
