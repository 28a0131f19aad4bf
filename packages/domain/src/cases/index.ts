export { CASE_STATUSES, type CaseDeps, type CaseStatus } from './CaseDeps';
export { submitCase, type SubmitInput, type SubmitResult } from './submitCase';
export { listPortalCases, type PortalCaseFilter } from './listPortalCases';
export { getPortalCase } from './getPortalCase';
export { postPortalMessage, reopenCase } from './postPortalMessage';
export {
  listQueue,
  listTeams,
  getBackofficeCase,
  returnStatistics,
  type QueueFilter,
} from './backofficeQueries';
export {
  pickNextCase,
  assignCase,
  addCaseNote,
  messageSubmitter,
  returnCase,
  resolveCase,
} from './handleCase';
export { uploadAttachment, readAttachment, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './attachmentsStore';
export { DEFAULT_UPLOAD_LIMITS, UNATTACHED_UPLOAD_HOURS, type UploadLimits } from './uploadLimits';
export { saveDraft, getDraft } from './drafts';
export { renderTemplate } from './renderTemplate';
export { revealCaseAnswers } from './revealCaseAnswers';
export { markCaseStage } from './markCaseStage';
