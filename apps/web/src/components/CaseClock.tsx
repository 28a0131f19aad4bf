import type { TPortalCase } from '@indgang/schemas';
import { formatDay } from '../i18n/formatDate';
import { useI18n } from '../i18n/I18nProvider';
import './caseWork.css';

/** The norm-time clock of a case, as both the portal and the back office answer it. */
export type CaseProgress = Pick<
  TPortalCase,
  'status' | 'expectedDate' | 'overdue' | 'normTimeDays' | 'workingDaysLeft' | 'clock' | 'pausedSince'
>;

/** "3 arbejdsdage" / "1 working day". */
export function useWorkingDays() {
  const { t } = useI18n();
  return (n: number) => t(n === 1 ? 'clock.days.one' : 'clock.days.other', { n });
}

/** How much time is left, in a few words: "3 arbejdsdage tilbage", "Frist i dag", "2 arbejdsdage over fristen". */
export function useTimeLeftText() {
  const { t } = useI18n();
  const days = useWorkingDays();
  return (left: number) =>
    left > 0
      ? t('clock.left', { days: days(left) })
      : left === 0
        ? t('clock.dueToday')
        : t('clock.over', { days: days(-left) });
}

/**
 * The case's norm time as an SLA timer shows it: how much of it is used, the working days left or
 * past the deadline, the expected date, and that the clock stands still while the case waits on
 * the submitter (in the reader's words) or has stopped.
 */
export function CaseClock({ c, side }: { c: CaseProgress; side: 'submitter' | 'caseworker' }) {
  const { t, locale } = useI18n();
  const days = useWorkingDays();
  const timeLeft = useTimeLeftText();
  if (c.clock === 'stopped')
    return (
      <div className="case-clock" data-testid="case-clock">
        <p className="case-clock-line">{t('clock.stopped')}</p>
        <p className="case-clock-norm">{t('clock.normTime', { days: days(c.normTimeDays) })}</p>
      </div>
    );
  const left = c.workingDaysLeft ?? 0;
  const used = Math.min(c.normTimeDays, Math.max(0, c.normTimeDays - left));
  const state = c.clock === 'paused' ? 'paused' : left < 0 ? 'over' : left <= 1 ? 'due' : 'running';
  return (
    <div className={`case-clock case-clock-${state}`} data-testid="case-clock">
      <p className="case-clock-line">
        {c.clock === 'paused' && <span className="badge badge-warning">{t('clock.pausedShort')}</span>}{' '}
        <strong>{timeLeft(left)}</strong> · {t('clock.expected', { date: formatDay(c.expectedDate, locale) })}
      </p>
      {c.normTimeDays > 0 && (
        <meter
          className="case-clock-meter"
          min={0}
          max={c.normTimeDays}
          value={left < 0 ? c.normTimeDays : used}
          low={c.normTimeDays * 0.6}
          high={c.normTimeDays * 0.9}
          optimum={0}
          aria-label={t('clock.meter')}
        />
      )}
      <p className="case-clock-norm">{t('clock.normTime', { days: days(c.normTimeDays) })}</p>
      {c.clock === 'paused' && c.pausedSince && (
        <p className="case-clock-paused">
          {t(side === 'caseworker' ? 'clock.pausedCaseworker' : 'clock.pausedSubmitter', {
            date: formatDay(c.pausedSince, locale),
          })}
        </p>
      )}
    </div>
  );
}
