export * from './exactAmount';
export * from './evaluateBusinessCase';
export * from './calculators';
