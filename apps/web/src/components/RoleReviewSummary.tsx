import type { TRoleReviewLine } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';
import './caseWork.css';

/**
 * The answer of an authorisation review: the roles to be removed listed in full, the ones kept
 * (usually most) folded away, each as person, role and system.
 */
export function RoleReviewSummary({ lines }: { lines: TRoleReviewLine[] }) {
  const { t } = useI18n();
  const list = (chosen: TRoleReviewLine[]) => (
    <ul className="role-review-summary">
      {chosen.map((l) => (
        <li key={`${l.userId}/${l.roleId}`}>
          {l.name}: {l.roleName} ({l.system})
        </li>
      ))}
    </ul>
  );
  const removed = lines.filter((l) => l.decision === 'remove');
  const kept = lines.filter((l) => l.decision === 'keep');
  const open = lines.filter((l) => l.decision !== 'remove' && l.decision !== 'keep');
  return (
    <>
      <p className="role-review-summary-heading">{t('roleReview.removals', { n: removed.length })}</p>
      {removed.length > 0 && list(removed)}
      {kept.length > 0 && (
        <details>
          <summary>{t('roleReview.kept', { n: kept.length })}</summary>
          {list(kept)}
        </details>
      )}
      {open.length > 0 && (
        <details>
          <summary>{t('roleReview.undecided', { n: open.length })}</summary>
          {list(open)}
        </details>
      )}
    </>
  );
}
