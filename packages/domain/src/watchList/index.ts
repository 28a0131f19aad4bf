export { addWatchMark, type WatchMarkInput } from './addWatchMark';
export { endWatchMark } from './endWatchMark';
export { listWatchMarks, type WatchListFilter } from './listWatchMarks';
export { automationBlock, EXCLUSION_TABLE } from './automationBlock';
export { marksForCase, type WatchMark } from './watchMarks';
