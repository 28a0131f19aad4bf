import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const catalogDir = join(import.meta.dirname, '../../../../catalog');

describe.each(targets)('decision tables in the UI on $name', (target) => {
  let t: TestApp;
  let configurator: TestClient;
  let owner: TestClient;
  let auditor: TestClient;
  let leader: TestClient;
  let caseworker: TestClient;
  let dmn: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    configurator = await t.login('demo-konfigurator');
    owner = await t.login('demo-procesejer');
    auditor = await t.login('demo-revisor');
    leader = await t.login('demo-leder');
    caseworker = await t.login('demo-sagsbehandler-loen');
    dmn = await readFile(join(catalogDir, 'decisions/kilometertakst.dmn'), 'utf8');
  });
  afterAll(() => t.close());

  it('lists the tables with their versions and shows one as rows', async () => {
    const list = await t.as(owner, { method: 'GET', url: '/api/v1/decision-tables' });
    expect(list.statusCode).toBe(200);
    const mileage = list.json().tables.find((x: { id: string }) => x.id === 'kilometertakst');
    expect(mileage).toMatchObject({
      revision: 1,
      versions: [{ effectiveFrom: '2025-01-01' }, { effectiveFrom: '2026-01-01' }],
    });
    const table = (
      await t.as(auditor, { method: 'GET', url: '/api/v1/decision-tables/kilometertakst' })
    ).json();
    expect(table).toMatchObject({ revision: 1, dateInput: 'tripDate' });
    expect(table.variables).toEqual(
      expect.arrayContaining([
        { name: 'tripDate', type: 'date' },
        { name: 'kmEarlierThisYear', type: 'number' },
        { name: 'highRate', type: 'boolean' },
      ]),
    );
    expect(table.versions[0]).toMatchObject({
      hitPolicy: 'UNIQUE',
      inputs: [{ label: 'Km kørt tidligere i kalenderåret' }, { label: 'Bevilget høj takst' }],
    });
    expect(table.versions[0].rules[0]).toMatchObject({
      inputs: ['< 20000', 'true'],
      outputs: ['3.81', '2.23', '20000 - kmEarlierThisYear'],
    });
  });

  it('tests sample inputs against the saved table and against a file before it is saved', async () => {
    const saved = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/decision-tables/kilometertakst/test',
      payload: { inputs: { tripDate: '2025-05-01', kmEarlierThisYear: 500, highRate: true } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      revision: 1,
      version: 1,
      outputs: [{ rateUpToLimit: 3.81, kmLeftAtUpperRate: 19500 }],
      fired: [{ ruleId: 'rule-2025-below-limit', index: 0 }],
    });
    const draft = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/decision-tables/kilometertakst/test',
      payload: {
        xml: dmn.replaceAll('3.81', '3.99'),
        inputs: { tripDate: '2025-05-01', kmEarlierThisYear: 25000, highRate: true },
      },
    });
    expect(draft.json()).toMatchObject({
      revision: null,
      outputs: [{ rateUpToLimit: 3.99 }],
      fired: [{ index: 1 }],
    });
    const missing = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/decision-tables/kilometertakst/test',
      payload: { inputs: { kmEarlierThisYear: 1 } },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message.da).toContain('tripDate');
  });

  it('saves a new revision, refuses a broken file by rule and column, and only for configurators', async () => {
    const broken = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/decision-tables/kilometertakst/revisions',
      payload: { xml: dmn.replace('&lt; 20000', '&lt; &lt;') },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message.da).toMatch(/regel 1 \(rule-2025-below-limit\), kolonnen/);
    expect(broken.json().error.message.en).toMatch(/rule 1 \(rule-2025-below-limit\), column/);
    for (const client of [leader, caseworker, auditor])
      expect(
        (
          await t.as(client, {
            method: 'POST',
            url: '/api/v1/decision-tables/kilometertakst/revisions',
            payload: { xml: dmn },
          })
        ).statusCode,
      ).toBe(403);
    for (const client of [leader, caseworker])
      expect((await t.as(client, { method: 'GET', url: '/api/v1/decision-tables' })).statusCode).toBe(403);

    const xml = dmn.replaceAll('3.94', '3.95');
    const saved = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/decision-tables/kilometertakst/revisions',
      payload: { xml },
    });
    expect(saved.json()).toEqual({ id: 'kilometertakst', revision: 2, changed: true });
    const again = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/decision-tables/kilometertakst/revisions',
      payload: { xml },
    });
    expect(again.json()).toEqual({ id: 'kilometertakst', revision: 2, changed: false });
    const other = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/decision-tables/boerneattest/revisions',
      payload: { xml },
    });
    expect(other.statusCode).toBe(400);
    const table = (
      await t.as(configurator, { method: 'GET', url: '/api/v1/decision-tables/kilometertakst' })
    ).json();
    expect(table.revisions.map((r: { revision: number; createdBy: string | null }) => r.revision)).toEqual([
      2, 1,
    ]);
    expect(table.revisions[0].createdBy).toBeTruthy();
    expect(
      (
        await t.as(configurator, { method: 'GET', url: '/api/v1/decision-tables/kilometertakst?revision=1' })
      ).json().versions[1].rules[0].outputs[0],
    ).toBe('3.94');
  });

  it('shows which rule fired for a past case then, beside what the newest revision decides now', async () => {
    const { rows } = await t.database.db.execute<{ id: string; number: string }>(sql`
      INSERT INTO cases (id, number, service_id, service_version, unit_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date)
      SELECT gen_random_uuid(), 'TEST-1', s.id, s.version, (SELECT id FROM org_units ORDER BY path LIMIT 1), 'demo-leder', 'resolved', 'okf-ks-lon1',
        '{"tripDate":"2026-03-02","kmEarlierThisYear":100}'::jsonb, now(), current_date
      FROM services s WHERE s.id = 'koerselsgodtgoerelse' ORDER BY s.version DESC LIMIT 1
      RETURNING id, number`);
    const caseId = rows[0]!.id;
    // Tested on the answers while the table never decided the case.
    const fromAnswers = await t.as(configurator, {
      method: 'GET',
      url: `/api/v1/decision-tables/kilometertakst/cases/${caseId}`,
    });
    expect(fromAnswers.statusCode, fromAnswers.body).toBe(200);
    expect(fromAnswers.json()).toMatchObject({ source: 'answers', then: null, now: { version: 2 } });

    await t.database.db.execute(sql`
      INSERT INTO case_decisions (case_id, table_id, revision, decision_id, inputs, outputs, rules)
      VALUES (${caseId}, 'kilometertakst', 1, 'kilometertakst-2026', '{"tripDate":"2026-03-02","kmEarlierThisYear":100}'::jsonb,
        '[{"rateUpToLimit":3.94}]'::jsonb, '[{"ruleId":"rule-2026-below-limit","index":0}]'::jsonb)`);
    const test = (
      await t.as(configurator, {
        method: 'GET',
        url: `/api/v1/decision-tables/kilometertakst/cases/${caseId}`,
      })
    ).json();
    expect(test).toMatchObject({
      caseTitle: 'TEST-1',
      source: 'recorded',
      then: {
        revision: 1,
        version: 2,
        outputs: [{ rateUpToLimit: 3.94 }],
        fired: [{ ruleId: 'rule-2026-below-limit' }],
      },
    });
    expect(test.now.revision).toBeGreaterThanOrEqual(1);
    const recent = (
      await t.as(owner, { method: 'GET', url: '/api/v1/decision-tables/kilometertakst/decisions' })
    ).json();
    expect(recent.decisions[0]).toMatchObject({ caseId, caseTitle: 'TEST-1', revision: 1 });
    const { rows: audit } = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'decision_table.case_test' AND entity_id = ${caseId}`,
    );
    expect(audit[0]!.n).toBe(2);
    expect(
      (await t.as(leader, { method: 'GET', url: `/api/v1/decision-tables/kilometertakst/cases/${caseId}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.as(configurator, {
          method: 'GET',
          url: '/api/v1/decision-tables/kilometertakst/cases/00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
  });
});
