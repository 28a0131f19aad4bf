export * as schema from './schema';
export * from './schema';
export { openDatabase, type Database, type Db, type OpenDatabaseOptions } from './openDatabase';
export { migrate, migrationsFolder } from './migrate';
