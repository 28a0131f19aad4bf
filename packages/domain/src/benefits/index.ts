export { projectFor, type ProjectNeed } from './benefitAccess';
export {
  benefitOptions,
  createProgramme,
  getProgramme,
  getProject,
  listProgrammes,
  saveProject,
  searchPeople,
  updateProgramme,
} from './programmes';
export { getBusinessCase, saveBusinessCase, type StoredBusinessCase } from './businessCases';
export { saveBusinessCaseWorkbook, type WorkbookOrigin } from './saveBusinessCaseWorkbook';
export { getBenefitTree, saveBenefitTree } from './benefitTrees';
export { listKpis, recordMeasurement, saveKpi, type KpiView } from './kpis';
export { measureMetric, type MetricPoint } from './measureMetric';
export { benefitRegister, recordRealisation, type RegisterRow } from './benefitRegister';
export { followUpReport, type FollowUpReport } from './followUpReport';
