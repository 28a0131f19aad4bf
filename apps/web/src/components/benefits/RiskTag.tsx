import { PROJECT_STATUS, RISK_LEVEL } from '@indgang/schemas';
import { useI18n } from '../../i18n/I18nProvider';

/** The risk level as a tag with its word, never colour alone. */
export function RiskTag({ level }: { level: string }) {
  const { pick } = useI18n();
  return (
    <span className={`status-tag risk-${level}`}>
      {pick({ da: 'Risiko', en: 'Risk' })}: {pick(RISK_LEVEL[level] ?? { da: level, en: level })}
    </span>
  );
}

export function ProjectStatusTag({ status }: { status: string }) {
  const { pick } = useI18n();
  return <span className="status-tag">{pick(PROJECT_STATUS[status] ?? { da: status, en: status })}</span>;
}
