import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets, type Database } from '@indgang/db';
import { loadConfig } from './config';
import { prepareDatabase } from './prepareDatabase';

const targets = await testDatabaseTargets();

describe.each(targets)('starting on a database a configurator has changed, on $name', (target) => {
  let database: Database;
  let drop: () => Promise<void>;
  const config = { ...loadConfig({ INDGANG_DEMO: 'false' }) };

  beforeAll(async () => {
    ({ database, drop } = await target.create());
    await prepareDatabase(database, config);
  }, 120_000);
  afterAll(async () => {
    await drop();
  });

  it('keeps a service version saved here when the catalogue ships the same number with other content', async () => {
    const { rows } = await database.db.execute<{ version: number }>(
      sql`SELECT max(version)::int AS version FROM services WHERE id = 'koerselsgodtgoerelse'`,
    );
    const version = rows[0]!.version;
    // As a process saved from the configurator's page would: same number, other content.
    await database.db.execute(sql`
      UPDATE services SET definition = jsonb_set(definition, '{normTimeDays}', '9')
      WHERE id = 'koerselsgodtgoerelse' AND version = ${version}`);
    const again = await prepareDatabase(database, config);
    expect(again.keptServiceVersions).toEqual([`koerselsgodtgoerelse@${version}`]);
    const { rows: after } = await database.db.execute<{ normTimeDays: number }>(sql`
      SELECT (definition->>'normTimeDays')::int AS "normTimeDays" FROM services
      WHERE id = 'koerselsgodtgoerelse' AND version = ${version}`);
    expect(after[0]!.normTimeDays).toBe(9);
  });
});
