import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

export function StatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`status-tag status-${status}`}>{t(`status.${status}` as MessageKey)}</span>
      {overdue && (
        <>
          {' '}
          <span className="status-tag status-overdue">{t('status.overdue')}</span>
        </>
      )}
    </>
  );
}
