import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrate, type Database } from '@indgang/db';
import {
  installCatalog,
  installDecisionTables,
  readCatalogFolder,
  seedDemoMunicipality,
  todayInDenmark,
  WorkCalendar,
} from '@indgang/domain';
import type { BusinessCaseInput } from '@indgang/schemas';
import type { Config } from './config';

/**
 * Brings a database up to date: migrations, the catalogue folder's services (new versions only; a
 * version number this installation already saved with other content is kept and reported),
 * and on first start in demo mode Eksempel Kommune. Returns the working-day calendar.
 */
export async function prepareDatabase(
  database: Database,
  config: Pick<Config, 'catalogDir' | 'demo' | 'demoSeed' | 'demoScale' | 'demoHistory'>,
) {
  await migrate(database.pool);
  const { bundle, calendar } = await readCatalogFolder(config.catalogDir);
  const { kept } = await database.db.transaction((tx) => installCatalog(tx, bundle, { keepInstalled: true }));
  await installDecisionTables({ db: database.db }, config.catalogDir);
  const { seeded } = config.demo
    ? await seedDemoMunicipality(
        { db: database.db },
        {
          seed: config.demoSeed,
          scale: config.demoScale,
          today: todayInDenmark(),
          history: config.demoHistory,
          // The demo programme's business case is the catalogue's example, seed 000's table 1.1.
          businessCase:
            (JSON.parse(
              await readFile(
                join(config.catalogDir, 'business-cases', 'bc01-serviceplatform.json'),
                'utf8',
              ).catch(() => 'null'),
            ) as BusinessCaseInput | null) ?? undefined,
        },
      )
    : { seeded: false };
  return { calendar: new WorkCalendar(calendar), seeded, keptServiceVersions: kept };
}
