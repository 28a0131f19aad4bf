import type { InputIssue } from '@indgang/schemas';
import { useI18n } from '../../../i18n/I18nProvider';

/** What the calculator refused, as it words it. */
export function CalculatorIssues({ issues }: { issues: InputIssue[] }) {
  const { pick } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status">
      <ul>
        {issues.map((i) => (
          <li key={i.path}>{pick(i.message)}</li>
        ))}
      </ul>
    </div>
  );
}
