import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets, type TestDatabase } from '@indgang/db';
import { measureMetric, measureMonthly } from './measureMetric';

const targets = await testDatabaseTargets();

describe.each(targets)('KPIs measured from cases on $name', (target) => {
  let t: TestDatabase;
  const q = (text: string, values: unknown[] = []) => t.database.pool.query(text, values);

  beforeAll(async () => {
    t = await target.create();
    await q(`INSERT INTO org_units (id, path, kind, name, administration_id) VALUES
      ('buf', '/buf/', 'administration', 'BUF', 'buf'), ('buf-1', '/buf/buf-1/', 'school', 'Skole', 'buf'),
      ('sof', '/sof/', 'administration', 'SOF', 'sof'), ('sof-1', '/sof/sof-1/', 'home', 'Bosted', 'sof')`);
    await q(
      `INSERT INTO users (id, display_name) VALUES ('leder', 'Leder'), ('robot', 'Robot'), ('sb', 'Sagsbehandler')`,
    );
    await q(`INSERT INTO role_assignments (user_id, role) VALUES ('sb', 'caseworker')`);
    // Case: [id, service, unit, submitter, submitted (Danish time), resolved, returns, resolved by]
    const cases: Array<[string, string, string, string, string, string | null, number, string | null]> = [
      ['c1', 'km', 'buf-1', 'leder', '2026-03-02T09:00:00+01:00', '2026-03-04T09:00:00+01:00', 0, 'sb'],
      ['c2', 'km', 'buf-1', 'leder', '2026-03-10T09:00:00+01:00', '2026-03-14T09:00:00+01:00', 2, 'sb'],
      ['c3', 'km', 'sof-1', 'sb', '2026-03-31T23:30:00+02:00', null, 1, null], // late on 31 March in Denmark, 21:30 UTC
      [
        'c4',
        'fravaer',
        'buf-1',
        'leder',
        '2026-04-01T00:30:00+02:00',
        '2026-04-02T12:30:00+02:00',
        0,
        'robot',
      ],
    ];
    for (const [id, service, unit, by, at, resolved, returns, resolvedBy] of cases) {
      await q(
        `INSERT INTO cases (id, number, service_id, service_version, unit_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date, resolved_at)
        VALUES ($1, $1, $2, 1, $3, $4, $5, 'team', '{}', $6, '2026-12-31', $7)`,
        [id, service, unit, by, resolved ? 'resolved' : 'submitted', at, resolved],
      );
      for (let r = 0; r < returns; r += 1)
        await q(
          `INSERT INTO case_events (case_id, actor_user_id, type, internal) VALUES ($1, 'sb', 'returned', false)`,
          [id],
        );
      if (resolved)
        await q(
          `INSERT INTO case_events (case_id, at, actor_user_id, type, internal, data) VALUES ($1, $2, $3, 'resolved', false, $4)`,
          [
            id,
            resolved,
            resolvedBy === 'robot' ? null : resolvedBy,
            resolvedBy === 'robot' ? '{"automated": true}' : '{}',
          ],
        );
    }
  }, 60_000);
  afterAll(() => t.drop());

  // The arithmetic on a handful of cases, before small cells are suppressed.
  const measure = (
    source: Parameters<typeof measureMonthly>[1],
    filter: Parameters<typeof measureMonthly>[2] = {},
  ) => measureMonthly({ db: t.database.db }, source, filter, '2026-01-01', '2026-12-31');

  it('counts submissions per month in Danish time', async () => {
    expect(await measure('cases_submitted')).toEqual([
      { month: '2026-03', valueCenti: 300, basis: 3 },
      { month: '2026-04', valueCenti: 100, basis: 1 },
    ]);
  });

  it('averages lead time in days over the cases resolved that month', async () => {
    // March: 2 and 4 days → 3.00; April: 1.5 days.
    expect(await measure('lead_time_days')).toEqual([
      { month: '2026-03', valueCenti: 300, basis: 2 },
      { month: '2026-04', valueCenti: 150, basis: 1 },
    ]);
  });

  it('gives returns per 100 cases, the self-service share, and filters by service and administration', async () => {
    expect(await measure('returns_per_100')).toEqual([
      { month: '2026-03', valueCenti: 10000, basis: 3 },
      { month: '2026-04', valueCenti: 0, basis: 1 },
    ]);
    expect(await measure('self_service_share')).toEqual([
      { month: '2026-03', valueCenti: 6667, basis: 3 },
      { month: '2026-04', valueCenti: 10000, basis: 1 },
    ]);
    expect(await measure('cases_submitted', { administrationId: 'sof' })).toEqual([
      { month: '2026-03', valueCenti: 100, basis: 1 },
    ]);
    expect(await measure('cases_submitted', { serviceId: 'fravaer' })).toEqual([
      { month: '2026-04', valueCenti: 100, basis: 1 },
    ]);
    expect(await measure('cases_submitted', { administrationId: 'ukendt' })).toEqual([]);
  });

  it('measures the share and the value of cases resolved by automation', async () => {
    expect(await measure('automated_share')).toEqual([
      { month: '2026-03', valueCenti: 0, basis: 2 },
      { month: '2026-04', valueCenti: 10000, basis: 1 },
    ]);
    // One automated case × 12.5 minutes at 408 kr. an hour = 85 kr.
    expect(
      await measure('automation_value_kr', {
        params: { minutesSavedPerCaseCenti: 1250, pricePerEffectiveHourCenti: 40800 },
      }),
    ).toEqual([
      { month: '2026-03', valueCenti: 0, basis: 2 },
      { month: '2026-04', valueCenti: 8500, basis: 1 },
    ]);
  });

  it('counts a month by Danish dates at the edges of the period', async () => {
    expect(
      await measureMonthly({ db: t.database.db }, 'cases_submitted', {}, '2026-04-01', '2026-04-30'),
    ).toEqual([{ month: '2026-04', valueCenti: 100, basis: 1 }]);
    expect(
      await measureMonthly({ db: t.database.db }, 'cases_submitted', {}, '2026-03-31', '2026-03-31'),
    ).toEqual([{ month: '2026-03', valueCenti: 100, basis: 1 }]);
  });

  it('shows no figure that rests on fewer than five cases, and measures only administrations', async () => {
    expect(
      await measureMetric({ db: t.database.db }, 'cases_submitted', {}, '2026-01-01', '2026-12-31'),
    ).toEqual([
      { month: '2026-03', valueCenti: null, basis: null, suppressed: true },
      { month: '2026-04', valueCenti: null, basis: null, suppressed: true },
    ]);
    for (let i = 0; i < 5; i += 1) {
      await q(
        `INSERT INTO cases (id, number, service_id, service_version, unit_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date)
        VALUES ($1, $1, 'km', 1, 'buf-1', 'leder', 'submitted', 'team', '{}', '2026-05-0${i + 1}T10:00:00+02:00', '2026-12-31')`,
        [`may-${i}`],
      );
    }
    expect(
      await measureMetric(
        { db: t.database.db },
        'cases_submitted',
        { administrationId: 'buf' },
        '2026-05-01',
        '2026-05-31',
      ),
    ).toEqual([{ month: '2026-05', valueCenti: 500, basis: 5, suppressed: false }]);
    // A unit below an administration is not an administration: it measures nothing.
    expect(
      await measureMetric(
        { db: t.database.db },
        'cases_submitted',
        { administrationId: 'buf-1' },
        '2026-05-01',
        '2026-05-31',
      ),
    ).toEqual([]);
  });

  it('refuses dates that are not dates, before any SQL is built', async () => {
    await expect(
      measureMetric(
        { db: t.database.db },
        'cases_submitted',
        {},
        "2026-01-01'; DROP TABLE cases; --",
        '2026-12-31',
      ),
    ).rejects.toThrow(RangeError);
  });
});
