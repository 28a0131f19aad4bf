export * from './errors/DomainError';
export * from './access';
export * from './audit';
export * from './org';
export * from './orgImport';
export * from './demo';
export * from './auth';
export * from './delegations';
export { addDays, addMonths, monthEnd, todayInDenmark } from './time/isoDate';
export * from './catalog';
export * from './cases';
export { WorkCalendar, easterSunday, type CalendarConfig } from './calendar/WorkCalendar';
export { enqueueJob, type EnqueueOptions } from './jobs/enqueueJob';
export {
  runJobs,
  startJobRunner,
  newWorkerId,
  JobTimeout,
  type RunJobsOptions,
  type JobRunnerOptions,
} from './jobs/runJobs';
export {
  RECURRING_JOBS,
  nextRunAt,
  scheduleRecurringJobs,
  type RecurringJob,
  type RecurringSchedule,
} from './jobs/recurringJobs';
export {
  defineJobKind,
  type JobServices,
  type JobContext,
  type JobKindDefinition,
} from './jobs/defineJobKind';
export { jobsOverview, jobTitle } from './jobs/jobsOverview';
export { retryJob } from './jobs/retryJob';
export { discardJob } from './jobs/discardJob';
export { JOB_KINDS, jobKindDefinition, type JobKind, type JobPayloads } from './jobs/jobKinds';
export {
  composeCaseMail,
  jobMessageId,
  type Mailer,
  type MailMessage,
  type CaseMailKind,
} from './mail/caseMail';
export * from './benefits';
export * from './idempotency';
export * from './privacy';
export * from './decisions';
export * from './bpmn';
export { handCaseToPerson, SYSTEM_ACTOR } from './automation/handCaseToPerson';
export * from './robots';
export * from './process';
export { automationBlock } from './watchList/automationBlock';
export { databaseAnswers } from './health/databaseAnswers';
export * from './approvals';
export * from './fourEyes';
export * from './watchList';
export { automationMetrics } from './automation/automationMetrics';
export * from './connectors';
export * from './insights';
