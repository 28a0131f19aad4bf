import type { WorkCalendar } from '../calendar/WorkCalendar';

/** What the process engine needs besides the transaction: the working-day calendar for deadlines and dates. */
export interface ProcessServices {
  calendar: WorkCalendar;
}
