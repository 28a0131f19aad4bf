export { processToBpmn } from './processToBpmn';
export { bpmnToProcess, type BpmnReadResult } from './bpmnToProcess';
export { listProcessServices } from './listProcessServices';
export { readServiceProcess } from './readServiceProcess';
export { exportServiceProcess } from './exportServiceProcess';
export { saveServiceProcess } from './saveServiceProcess';
export { SAMPLE_PROCESSES } from './sampleProcesses';
