/** The roster's public entry: what adapters call (re-exported from src/index.ts). */
export type { RejectedValue, RosterChange, RosterColumn, RosterEntry, RosterImportResult, RosterRowProblem } from '../../domain/roster.ts';
export { ROSTER_COLUMNS } from '../../domain/roster.ts';
export { importRoster, type RosterImportInput } from './import.ts';
export { exportRoster } from './export.ts';
export { listRoster, ROSTER_PAGE_SIZE } from './list.ts';
export { MAX_ROSTER_FILE_CHARS } from './csv.ts';
export { mayImportRoster } from './import-allowed.ts';
