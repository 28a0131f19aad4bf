export * from './errors/DomainError';
export * from './access';
export * from './audit';
export * from './org';
export * from './orgImport';
export * from './demo';
export * from './auth';
export * from './delegations';
export { addDays, todayInDenmark } from './time/isoDate';
