import { migrate, type Database } from '@indgang/db';
import { installCatalog, readCatalogFolder, seedDemoMunicipality, todayInDenmark, WorkCalendar } from '@indgang/domain';
import type { Config } from './config';

/**
 * Brings a database up to date: migrations, the catalogue folder's services (new versions only),
 * and on first start in demo mode Eksempel Kommune. Returns the working-day calendar.
 */
export async function prepareDatabase(database: Database, config: Pick<Config, 'catalogDir' | 'demo' | 'demoSeed' | 'demoScale'>) {
  await migrate(database.pool);
  const { bundle, calendar } = await readCatalogFolder(config.catalogDir);
  await database.db.transaction((tx) => installCatalog(tx, bundle));
  const { seeded } = config.demo
    ? await seedDemoMunicipality({ db: database.db }, { seed: config.demoSeed, scale: config.demoScale, today: todayInDenmark() })
    : { seeded: false };
  return { calendar: new WorkCalendar(calendar), seeded };
}
