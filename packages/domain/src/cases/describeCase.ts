import type { CaseStatus, TServiceDefinition, TText } from '@indgang/schemas';
import type { WorkCalendar } from '../calendar/WorkCalendar';
import type { LocalizedText } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';

const DEFAULT_STEPS: Record<CaseStatus, LocalizedText> = {
  submitted: {
    da: 'Sagen er modtaget og venter på en sagsbehandler.',
    en: 'The case has been received and is waiting for a caseworker.',
  },
  in_progress: { da: 'En sagsbehandler arbejder på sagen.', en: 'A caseworker is working on the case.' },
  awaiting_submitter: {
    da: 'Koncernservice venter på svar fra dig.',
    en: 'The service centre is waiting for your answer.',
  },
  awaiting_approval: {
    da: 'Sagen venter på en leders godkendelse.',
    en: "The case is waiting for a leader's approval.",
  },
  automated: { da: 'Sagen behandles automatisk.', en: 'The case is being handled automatically.' },
  resolved: { da: 'Sagen er løst.', en: 'The case is resolved.' },
};

export function localized(text: TText | undefined, fallback: LocalizedText): LocalizedText {
  if (text === undefined) return fallback;
  return typeof text === 'string' ? { da: text, en: fallback.en } : { da: text.da, en: text.en ?? text.da };
}

/** Working days from `from` to `to`: positive when `to` is later, negative when it has passed. */
export function signedWorkingDays(calendar: WorkCalendar, from: string, to: string): number {
  return to >= from ? calendar.workingDaysBetween(from, to) : -calendar.workingDaysBetween(to, from);
}

/** Whether the norm-time clock runs, stands still while the case waits on the submitter, or has stopped. */
export type CaseClock = 'running' | 'paused' | 'stopped';

/**
 * The current step in plain words and the case's norm-time clock, as an SLA timer shows it: the norm
 * time in working days, the expected completion date, the working days left (negative once past
 * it), and whether the clock runs, stands still while the case waits on the submitter (since when),
 * or has stopped because the case is resolved.
 */
export function describeCase(
  def: Pick<TServiceDefinition, 'steps' | 'normTimeDays'> | null,
  row: { status: CaseStatus; dueDate: string; pausedSince: string | null },
  calendar: WorkCalendar,
  today: string = todayInDenmark(),
) {
  const { status } = row;
  const resolved = status === 'resolved';
  const paused = !resolved && row.pausedSince !== null;
  // While the case waits on the submitter the clock stands still: the expected date moves with it,
  // and what was left when it stopped stays left.
  const expected = paused
    ? calendar.addWorkingDays(row.dueDate, calendar.workingDaysBetween(row.pausedSince!, today))
    : row.dueDate;
  const left = resolved ? null : signedWorkingDays(calendar, paused ? row.pausedSince! : today, row.dueDate);
  const clock: CaseClock = resolved ? 'stopped' : paused ? 'paused' : 'running';
  return {
    step: localized(def?.steps[status], DEFAULT_STEPS[status] ?? DEFAULT_STEPS.submitted),
    expectedDate: expected,
    overdue: left !== null && left < 0,
    normTimeDays: def?.normTimeDays ?? 0,
    workingDaysLeft: left,
    clock,
    pausedSince: paused ? row.pausedSince : null,
  };
}
