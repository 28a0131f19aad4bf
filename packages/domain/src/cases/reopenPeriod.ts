import type { WorkCalendar } from '../calendar/WorkCalendar';
import { todayInDenmark } from '../time/isoDate';

/** Working days after its resolution in which the submitter may reopen a case, unless configured. */
export const DEFAULT_REOPEN_WORKING_DAYS = 20;

/** The last day a case resolved at `resolvedAt` may be reopened (a day in Denmark), or null if it is not resolved. */
export function reopenUntil(
  deps: { calendar: WorkCalendar; reopenWorkingDays?: number },
  resolvedAt: Date | null,
): string | null {
  if (!resolvedAt) return null;
  return deps.calendar.addWorkingDays(
    todayInDenmark(resolvedAt),
    deps.reopenWorkingDays ?? DEFAULT_REOPEN_WORKING_DAYS,
  );
}
