import type { CaseStatus } from '@indgang/schemas';
import { useI18n } from '../i18n/I18nProvider';

export function StatusTag({ status, overdue }: { status: CaseStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`status-tag status-${status}`}>{t(`status.${status}`)}</span>
      {overdue && (
        <>
          {' '}
          <span className="status-tag status-overdue">{t('status.overdue')}</span>
        </>
      )}
    </>
  );
}
