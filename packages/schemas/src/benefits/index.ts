export * from './exactAmount';
export * from './evaluateBusinessCase';
export * from './calculators';
export * from './benefitSchemas';
export * from './checkBenefitTree';
export * from './benefitLabels';
export * from './benefitFormat';
