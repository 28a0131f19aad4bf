import type { Db } from '@indgang/db';
import type { WorkCalendar } from '../calendar/WorkCalendar';
import type { CatalogCache } from '../catalog/personaFor';
import type { UploadLimits } from './uploadLimits';

export interface CaseDeps {
  db: Db;
  calendar: WorkCalendar;
  /** Working days after resolution in which the submitter may reopen a case. */
  reopenWorkingDays?: number;
  /** Recent service definitions and personas, so a submission need not read them each time. */
  cache?: CatalogCache;
  /** What a case may hold and a person may upload (DEFAULT_UPLOAD_LIMITS when absent). */
  uploadLimits?: UploadLimits;
  /**
   * Whether submissions may name CPR numbers with day 00: the made-up numbers of the demo
   * municipality and the tests (an installation with test data, `INDGANG_DEMO`).
   */
  testCpr?: boolean;
}
