import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = (await testDatabaseTargets()).filter((t) => t.name === 'pglite');

const REFERENCE = [
  'ansaettelse',
  'autorisationskontrol',
  'fratraedelse',
  'koerselsgodtgoerelse',
  'straffe-boerneattest',
];
const PLATFORM_ID = '6f1d1c2e-0000-4000-8000-000000000011';

interface ServiceFigures {
  serviceId: string;
  cases: number;
  full: number;
  partial: number;
  excluded: number;
  failed: number;
  fullShare: number;
  minutesSaved: number;
  steps: { stepId: string; ran: number; bySystem: number; byPerson: number; handedOver: number }[];
}

/**
 * The demo's history: each reference process has six months of cases as the process engine writes
 * them, so the automation figures show the share each handles without a person, and the benefit
 * KPIs for automation read them. Figures are checked against direct counts of the case data.
 */
describe.each(targets)('the demo history of the reference processes on $name', (target) => {
  let t: TestApp;
  let owner: TestClient;
  const count = async (query: string) =>
    Number((await t.database.pool.query<{ n: string }>(query)).rows[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(target, { demoHistory: true });
    owner = await t.login('demo-procesejer');
  }, 240_000);
  afterAll(() => t.close());

  it('shows each reference process with the share handled without a person, matching the cases', async () => {
    const answer = await t.as(owner, { method: 'GET', url: '/api/v1/automation/metrics' });
    expect(answer.statusCode).toBe(200);
    const services = (answer.json() as { services: ServiceFigures[] }).services;
    expect(services.map((s) => s.serviceId).sort()).toEqual(REFERENCE);
    for (const s of services) {
      const where = `service_id = '${s.serviceId}' AND automation IS NOT NULL AND submitted_at > now() - interval '365 days'`;
      expect(s.cases, s.serviceId).toBe(await count(`SELECT count(*) AS n FROM cases WHERE ${where}`));
      expect(s.full, s.serviceId).toBe(
        await count(`SELECT count(*) AS n FROM cases WHERE ${where} AND automation = 'full'`),
      );
      expect(s.full + s.partial + s.excluded + s.failed).toBe(s.cases);
      // Every process handles most of its cases without a person, and hands some to one.
      expect(s.fullShare, s.serviceId).toBeGreaterThan(40);
      expect(s.fullShare, s.serviceId).toBeLessThan(100);
      expect(s.failed + s.excluded, s.serviceId).toBeGreaterThan(0);
      expect(s.minutesSaved, s.serviceId).toBeGreaterThan(0);
      expect(s.steps.length, s.serviceId).toBeGreaterThan(1);
    }
    const hire = services.find((s) => s.serviceId === 'ansaettelse')!;
    const payroll = hire.steps.find((st) => st.stepId === 'loen')!;
    expect(payroll.bySystem).toBe(
      await count(
        "SELECT count(*) AS n FROM case_steps s JOIN cases c ON c.id = s.case_id WHERE c.service_id = 'ansaettelse' AND s.step_id = 'loen' AND s.status = 'done' AND s.completed_by_system IS NOT NULL",
      ),
    );
    expect(payroll.handedOver).toBeGreaterThan(0);
    expect(hire.partial).toBeGreaterThan(0);
  });

  it('every history case is resolved with its steps done, the handed-over ones cancelled with the reason', async () => {
    expect(
      await count(
        'SELECT count(*) AS n FROM cases c WHERE c.automation IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id)',
      ),
    ).toBe(0);
    expect(
      await count(
        "SELECT count(*) AS n FROM cases c WHERE c.automation IN ('excluded', 'failed') AND NOT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = c.id AND s.status = 'cancelled' AND s.data->>'cancelled' = c.automation_reason)",
      ),
    ).toBe(0);
    expect(await count("SELECT count(*) AS n FROM case_steps WHERE status = 'active'")).toBe(0);
    // A case automation handled end to end has no step a person did.
    expect(
      await count(
        "SELECT count(*) AS n FROM cases c JOIN case_steps s ON s.case_id = c.id WHERE c.automation = 'full' AND s.completed_by_user_id IS NOT NULL AND s.kind IN ('human', 'four_eyes')",
      ),
    ).toBe(0);
  });

  it('names who did each step on a new hire from the history: rules, actions, the certificate robot', async () => {
    const hr = await t.login('demo-sagsbehandler-hr');
    const { rows } = await t.database.pool.query<{ id: string }>(
      "SELECT c.id FROM cases c JOIN case_steps s ON s.case_id = c.id AND s.step_id = 'attestbestilling' WHERE c.service_id = 'ansaettelse' AND c.automation = 'full' LIMIT 1",
    );
    const caseId = rows[0]!.id;
    const detail = await t.as(hr, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` });
    expect(detail.statusCode).toBe(200);
    const byTexts = (detail.json().timeline as { type: string; data?: { byText?: { da: string } } }[])
      .filter((e) => e.type === 'step')
      .map((e) => e.data?.byText?.da);
    expect(byTexts).toContain('Robot: Attestrobot');
    expect(byTexts).toContain('Automatisk (regel ansaettelsesvilkaar, revision 1, version 1)');
    expect(byTexts.some((b) => b?.startsWith('Automatisk ('))).toBe(true);
  });

  it('the KPI "Andel sager løst automatisk" reads the reference processes month by month after go-live', async () => {
    const programme = await t.login('demo-programleder');
    const kpis = (
      await t.as(programme, { method: 'GET', url: `/api/v1/projects/${PLATFORM_ID}/kpis` })
    ).json() as { name: string; series: { month: string; value: number | null; basis: number | null }[] }[];
    const share = kpis.find((k) => k.name === 'Andel sager løst automatisk')!;
    const months = share.series.filter((m) => m.value !== null && m.value > 0);
    expect(months.length).toBeGreaterThanOrEqual(5);
    // The month's basis counts the cases of every process resolved that month.
    const latest = months.at(-1)!;
    const resolved = await count(
      `SELECT count(*) AS n FROM cases WHERE to_char(resolved_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM') = '${latest.month.slice(0, 7)}'`,
    );
    expect(latest.basis).toBe(resolved);
    const automated = await count(
      `SELECT count(*) AS n FROM cases WHERE to_char(resolved_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM') = '${latest.month.slice(0, 7)}' AND automation = 'full'`,
    );
    expect(automated).toBeGreaterThan(0);
  });
});
