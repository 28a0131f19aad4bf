export { decideFourEyes, FOUR_EYES_DECISIONS, SAME_PERSON, type FourEyesDecision } from './decideFourEyes';
export { getBackofficeCaseSteps } from './getBackofficeCaseSteps';
