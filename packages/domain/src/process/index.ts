export type { ProcessServices } from './ProcessServices';
export { completeStep, type CompleteStepInput } from './completeStep';
export { startProcess } from './startProcess';
export { signalProcessEvent } from './signalProcessEvent';
export { ENGINE_ACTOR, type StepActor } from './enterStep';
export { escalateOverdueSteps } from './escalateOverdueSteps';
export {
  AUTOMATED_ACTIONS,
  AUTOMATED_ACTION_NAMES,
  automatedAction,
  type AutomatedAction,
} from './automatedActions';
export { CASE_FACTS } from './caseFacts';
export { CERTIFICATE_RESULTS, CERTIFICATE_TOPIC, ROBOT_TOPICS } from './robotPayload';
export { pinnedProcess, stepName } from './pinnedProcess';
export { conditionHolds, conditionProblem } from './feelCondition';
export { processStartJob, processStepJob, processEscalationJob } from './processJobs';
