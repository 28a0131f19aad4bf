import { PROJECT_STATUS, RISK_LEVEL } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { sharedLabel } from './sharedLabel';

/** The risk level as a tag with its word, never colour alone. */
export function RiskTag({ level }: { level: string }) {
  const { t, pick } = useI18n();
  return (
    <span className={`status-tag risk-${level}`}>
      {t('benefits.risk')}: {sharedLabel(pick, RISK_LEVEL, level)}
    </span>
  );
}

export function ProjectStatusTag({ status }: { status: string }) {
  const { pick } = useI18n();
  return <span className="status-tag">{sharedLabel(pick, PROJECT_STATUS, status)}</span>;
}
