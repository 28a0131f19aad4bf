import type { CaseStatus } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A case's status in the words of the one reading it: the submitter reads "Afventer dig" where the
 * caseworker reads "Afventer indsender".
 */
export function StatusTag({
  status,
  overdue,
  side = 'submitter',
}: {
  status: CaseStatus;
  overdue?: boolean;
  side?: 'submitter' | 'caseworker';
}) {
  const { t } = useI18n();
  return (
    <>
      <span className={`status-tag status-${status}`}>
        {side === 'caseworker' ? t(`workStatus.${status}`) : t(`status.${status}`)}
      </span>
      {overdue && (
        <>
          {' '}
          <span className="status-tag status-overdue">{t('status.overdue')}</span>
        </>
      )}
    </>
  );
}
