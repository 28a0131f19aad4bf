export * from './OrgDataset';
export {
  importOrgFile,
  MAX_IMPORT_ERRORS,
  type ImportProgress,
  type ImportResult,
  type ImportPhase,
} from './importOrgFile';
export { loadOrgDataset, personIdFor, type LoadSummary } from './loadOrgDataset';
export { buildOrgDataset } from './buildOrgDataset';
export { readOrgFile, CSV_COLUMNS } from './readOrgFile';
export { parseCsv } from './parseCsv';
