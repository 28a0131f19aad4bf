import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

const HEADER =
  'record;unit_id;parent_unit_id;unit_name;unit_kind;employee_number;first_name;last_name;email;cpr;position;agreement;weekly_hours;seniority_date;start_date;end_date;manager_of';

async function counts(t: TestApp) {
  const { rows } = await t.database.pool
    .query(`SELECT (SELECT count(*) FROM org_units)::int AS units, (SELECT count(*) FROM persons)::int AS persons,
    (SELECT count(*) FROM employments)::int AS employments, (SELECT count(*) FROM unit_managers)::int AS managers, (SELECT count(*) FROM audit_log)::int AS audit`);
  return rows[0];
}

describe.each(targets)('organisation import on $name', (target) => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(target);
    admin = await t.login('demo-admin');
  });
  afterAll(() => t.close());

  it('imports units and people from CSV, and a new leader can then see her unit', async () => {
    const before = await counts(t);
    const csv = [
      HEADER,
      'unit;buf-900;buf-area-1;Skole Nyby;school',
      'unit;buf-901;buf-900;SFO Nyby;daycare',
      'affiliation;buf-900;;;;800001;Ida;Nyby;ida.nyby@eksempel-kommune.test;001180-0001;Skoleleder;Ledere;37;;2026-08-01;;buf-900',
      'affiliation;buf-901;;;;800002;Bo;Nyby;;;Pædagog;BUPL;"32,5";2019-01-01;2026-08-01;;',
    ].join('\n');
    const response = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/org/imports?fileName=nyby.csv',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().summary).toEqual({ units: 2, people: 2, employments: 2, managers: 1 });
    const after = await counts(t);
    expect(after.units - before.units).toBe(2);
    expect(after.persons - before.persons).toBe(2);
    expect(after.audit - before.audit).toBe(1);
    const { rows } = await t.database.pool.query("SELECT path FROM org_units WHERE id = 'buf-901'");
    expect(rows[0].path).toBe('/ek/buf/buf-area-1/buf-900/buf-901/');
  });

  it('refuses a file with any bad row, reports each by row and column, and changes nothing', async () => {
    const before = await counts(t);
    const csv = [
      HEADER,
      'unit;buf-950;buf-area-1;Skole Fejl;school',
      'affiliation;buf-950;;;;800101;Eva;Fejl;;;Lærer;OK;37;;2026-01-01;;',
      'affiliation;buf-950;;;;800102;;Fejl;;;Lærer;OK;99;;2026-02-30;;',
    ].join('\n');
    const response = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/org/imports',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.message.da).toContain('intet er ændret');
    expect(error.message.en).toContain('nothing was changed');
    expect(error.fields.map((f: { row: number; column: string }) => `${f.row}:${f.column}`).sort()).toEqual([
      '4:first_name',
      '4:start_date',
      '4:weekly_hours',
    ]);
    expect(await counts(t)).toEqual(before);
  });

  it('streams progress and then the result when asked for NDJSON', async () => {
    const people = Array.from(
      { length: 1200 },
      (_, i) => `affiliation;buf-001;;;;${700000 + i};Navn;Nummer${i};;;Lærer;OK;37;;2024-08-01;;`,
    );
    const response = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/org/imports',
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
      payload: [HEADER, ...people].join('\n'),
    });
    expect(response.statusCode).toBe(200);
    const lines = response.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const phases = lines.filter((l) => l.progress).map((l) => l.progress.phase);
    expect(phases).toEqual(expect.arrayContaining(['read', 'validate', 'write']));
    const writes = lines.filter((l) => l.progress?.phase === 'write').map((l) => l.progress.done);
    expect(writes.at(-1)).toBe(2400);
    expect(lines.at(-1).result.summary.people).toBe(1200);
  });

  it('imports the JSON form, and updates what it already has instead of duplicating it', async () => {
    const body = {
      units: [{ id: 'buf-900', parentId: 'buf-area-2', name: 'Skole Nyby (flyttet)', kind: 'school' }],
      people: [
        {
          employeeNumber: '800002',
          firstName: 'Bo',
          lastName: 'Nyby',
          affiliations: [
            {
              unitId: 'buf-901',
              position: 'Pædagog',
              agreement: 'BUPL',
              weeklyHours: 37,
              startDate: '2026-08-01',
            },
          ],
        },
      ],
    };
    const before = await counts(t);
    const response = await t.as(admin, { method: 'POST', url: '/api/v1/org/imports', payload: body });
    expect(response.statusCode, response.body).toBe(200);
    const after = await counts(t);
    expect(after.units).toBe(before.units);
    expect(after.persons).toBe(before.persons);
    const { rows } = await t.database.pool.query(
      "SELECT id, path FROM org_units WHERE id IN ('buf-900','buf-901') ORDER BY id",
    );
    expect(rows.map((r: { path: string }) => r.path)).toEqual([
      '/ek/buf/buf-area-2/buf-900/',
      '/ek/buf/buf-area-2/buf-900/buf-901/',
    ]);
    const hours = await t.database.pool.query(
      "SELECT weekly_hours_centi FROM employments WHERE person_id = 'p-800002'",
    );
    expect(hours.rows[0].weekly_hours_centi).toBe(3700);
  });

  it('refuses other content types and empty files with a clear message', async () => {
    const xml = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/org/imports',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.message.da).toBeTruthy();
    const empty = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/org/imports',
      headers: { 'content-type': 'text/csv' },
      payload: HEADER,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('import_empty');
  });
});
