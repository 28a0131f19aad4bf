export * as schema from './schema';
export * from './schema';
export { openDatabase, type Database, type Db, type OpenDatabaseOptions } from './openDatabase';
export { executePrepared } from './executePrepared';
export { textArrayLiteral } from './textArrayLiteral';
export {
  describeDatabaseError,
  fromDatabase,
  isDatabaseUnavailable,
  loggableError,
  statementName,
} from './databaseErrors';
export { migrate, migrationsFolder } from './migrate';
export {
  createPostgresDatabase,
  testDatabaseTargets,
  type TestDatabase,
  type TestDatabaseTarget,
} from './testing/testDatabaseTargets';
