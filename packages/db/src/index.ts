export * as schema from './schema';
export * from './schema';
export { openDatabase, type Database, type Db, type OpenDatabaseOptions } from './openDatabase';
export { executePrepared } from './executePrepared';
export { sqlArray } from './sqlArray';
export {
  describeDatabaseError,
  fromDatabase,
  isDatabaseUnavailable,
  loggableError,
  statementName,
  INDGANG_FAILURE_SQLSTATE,
  isNamedFailure,
} from './databaseErrors';
export { migrate, migrationsFolder } from './migrate';
export {
  createPostgresDatabase,
  testDatabaseTargets,
  type TestDatabase,
  type TestDatabaseTarget,
} from './testing/testDatabaseTargets';
