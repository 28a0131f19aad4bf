export { runRetention, ANONYMISED_USER, type RetentionOutcome } from './runRetention';
export { runHousekeeping, DRAFT_DAYS, type HousekeepingOutcome } from './runHousekeeping';
export { placeLegalHold, type LegalHoldInput } from './placeLegalHold';
export { releaseLegalHold } from './releaseLegalHold';
export { listLegalHolds } from './listLegalHolds';
export { exportPersonData, type PersonDataExport } from './exportPersonData';
export { retentionOverview } from './retentionOverview';
export { housekeepingJob, retentionJob, LAST_RETENTION } from './maintenanceJobs';
