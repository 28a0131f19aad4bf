export { teamBoard, BOARD_WINDOW_DAYS, DUE_SOON_WORKING_DAYS, BOARD_OLDEST } from './teamBoard';
export { boardTable, type BoardTable } from './boardTables';
export { boardTeams } from './boardTeams';
