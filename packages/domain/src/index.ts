export * from './errors/DomainError';
export * from './access';
export * from './audit';
export * from './org';
export * from './orgImport';
export * from './demo';
export * from './auth';
export * from './delegations';
export { addDays, todayInDenmark } from './time/isoDate';
export * from './catalog';
export * from './cases';
export { WorkCalendar, easterSunday, type CalendarConfig } from './calendar/WorkCalendar';
export { enqueueJob } from './jobs/enqueueJob';
export { runJobs, startJobRunner } from './jobs/runJobs';
export {
  defineJobKind,
  type JobServices,
  type JobContext,
  type JobKindDefinition,
} from './jobs/defineJobKind';
export { JOB_KINDS, type JobKind, type JobPayloads } from './jobs/jobKinds';
export { composeCaseMail, type Mailer, type MailMessage, type CaseMailKind } from './mail/caseMail';
export * from './benefits';
export * from './idempotency';
export * from './privacy';
export * from './decisions';
export * from './bpmn';
export { handCaseToPerson, SYSTEM_ACTOR } from './automation/handCaseToPerson';
export { databaseAnswers } from './health/databaseAnswers';
