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
  resolved: { da: 'Sagen er løst.', en: 'The case is resolved.' },
};

export function localized(text: TText | undefined, fallback: LocalizedText): LocalizedText {
  if (text === undefined) return fallback;
  return typeof text === 'string' ? { da: text, en: fallback.en } : text;
}

/** The current step in plain words, the expected completion date, and whether it is overdue. */
export function describeCase(
  def: TServiceDefinition | null,
  row: { status: CaseStatus; dueDate: string; pausedSince: string | null },
  calendar: WorkCalendar,
) {
  const { status } = row;
  const today = todayInDenmark();
  // While the case waits on the submitter the clock stands still: the expected date moves with it.
  const expected = row.pausedSince
    ? calendar.addWorkingDays(row.dueDate, calendar.workingDaysBetween(row.pausedSince, today))
    : row.dueDate;
  return {
    step: localized(def?.steps[status], DEFAULT_STEPS[status] ?? DEFAULT_STEPS.submitted),
    expectedDate: expected,
    overdue: status !== 'resolved' && !row.pausedSince && today > row.dueDate,
  };
}
