import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const [pglite] = await testDatabaseTargets();

describe('catalogue as files', () => {
  let t: TestApp;
  let configurator: TestClient;
  let leader: TestClient;

  beforeAll(async () => {
    t = await createTestApp(pglite!);
    configurator = await t.login('demo-konfigurator');
    leader = await t.login('demo-leder');
  });
  afterAll(() => t.close());

  it('exports the catalogue and takes it back unchanged, so one municipality can hand it to another', async () => {
    const exported = await t.as(configurator, { method: 'GET', url: '/api/v1/catalog/export' });
    expect(exported.statusCode).toBe(200);
    const bundle = exported.json();
    expect(bundle.services).toHaveLength(10);
    expect(bundle.returnReasons.length).toBeGreaterThan(0);
    const again = (
      await t.as(configurator, { method: 'POST', url: '/api/v1/catalog/import', payload: bundle })
    ).json();
    const hire = bundle.services.find((s: { id: string }) => s.id === 'ansaettelse');
    expect(again).toEqual({ added: [], unchanged: expect.arrayContaining([`ansaettelse@${hire.version}`]) });
  });

  it('adds a new version, which new cases use, and refuses changed content under an old version number', async () => {
    const bundle = (await t.as(configurator, { method: 'GET', url: '/api/v1/catalog/export' })).json();
    const mileage = bundle.services.find((s: { id: string }) => s.id === 'koerselsgodtgoerelse');
    const changed = { ...mileage, normTimeDays: 3 };
    const refused = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/catalog/import',
      payload: { ...bundle, services: [changed] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message.da).toContain('Hæv versionsnummeret');
    const added = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/catalog/import',
      payload: { ...bundle, services: [{ ...changed, version: mileage.version + 1 }] },
    });
    expect(added.json().added).toEqual([`koerselsgodtgoerelse@${mileage.version + 1}`]);
    const service = (
      await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services/koerselsgodtgoerelse' })
    ).json();
    expect(service.definition).toMatchObject({ version: mileage.version + 1, normTimeDays: 3 });
  });

  it('refuses an invalid catalogue naming the place, and anyone but configurators', async () => {
    const bad = await t.as(configurator, {
      method: 'POST',
      url: '/api/v1/catalog/import',
      payload: { services: [{ id: 'X' }], returnReasons: [], replyTemplates: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('services.0.id');
    expect(bad.json().error.fields[0].message.da).not.toBe(bad.json().error.fields[0].message.en);
    expect((await t.as(leader, { method: 'GET', url: '/api/v1/catalog/export' })).statusCode).toBe(403);
  });

  it('refuses at import what would fail when the form is used: a bad pattern, one that backtracks for ever, a condition on a missing field', async () => {
    const bundle = (await t.as(configurator, { method: 'GET', url: '/api/v1/catalog/export' })).json();
    const shifts = bundle.services.find((s: { id: string }) => s.id === 'vikartimer');
    const withField = (patch: object) => ({
      ...shifts,
      version: shifts.version + 1,
      sections: shifts.sections.map((section: { id: string; fields: Array<{ id: string }> }) =>
        section.id !== 'shifts'
          ? section
          : { ...section, fields: section.fields.map((f) => (f.id === 'start' ? { ...f, ...patch } : f)) },
      ),
    });
    for (const [patch, path, text] of [
      [{ pattern: '([0-9' }, 'services.0.sections.1.fields.1.pattern', 'ikke et gyldigt regulært udtryk'],
      [{ pattern: '^(a+)+$' }, 'services.0.sections.1.fields.1.pattern', 'meget lang tid'],
      [
        { showIf: { field: 'nowhere', equals: 'x' } },
        'services.0.sections.1.fields.1.showIf',
        'som ikke findes',
      ],
    ] as const) {
      const refused = await t.as(configurator, {
        method: 'POST',
        url: '/api/v1/catalog/import',
        payload: { ...bundle, services: [withField(patch)] },
      });
      expect(refused.statusCode, JSON.stringify(patch)).toBe(400);
      expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
      expect(refused.json().error.message.da).toContain(text);
    }
    // Nothing was installed: the form still works with the service as it was.
    const form = (await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services/vikartimer' })).json();
    expect(form.definition.version).toBe(shifts.version);
  });

  it('refuses a period whose fields are not read together, and a payroll deadline on a field that is no date', async () => {
    const bundle = (await t.as(configurator, { method: 'GET', url: '/api/v1/catalog/export' })).json();
    const shifts = bundle.services.find((s: { id: string }) => s.id === 'vikartimer');
    const next = { ...shifts, version: shifts.version + 1 };
    for (const [service, path, text] of [
      [
        { ...next, period: { from: 'date', same: ['person'] } },
        'services.0.period.same.0',
        'samme gentagne afsnit',
      ],
      [
        { ...next, period: { from: 'date', same: ['nowhere'] } },
        'services.0.period.same.0',
        'som ikke findes',
      ],
      [
        {
          ...next,
          sections: next.sections.map((section: { id: string; fields: Array<{ id: string }> }) => ({
            ...section,
            fields: section.fields.map((f) => (f.id === 'start' ? { ...f, payrollDeadline: true } : f)),
          })),
        },
        'services.0.sections.1.fields.1.payrollDeadline',
        'ikke et datofelt',
      ],
    ] as const) {
      const refused = await t.as(configurator, {
        method: 'POST',
        url: '/api/v1/catalog/import',
        payload: { ...bundle, services: [service] },
      });
      expect(refused.statusCode, path).toBe(400);
      expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
      expect(refused.json().error.message.da).toContain(text);
    }
  });

  it('lists the services with bilingual categories, found by English words too', async () => {
    const list = (await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services' })).json();
    const mileage = list.services.find((s: { id: string }) => s.id === 'koerselsgodtgoerelse');
    expect(mileage).toMatchObject({
      category: { da: 'Udlæg og godtgørelse', en: 'Expenses and allowances' },
      usedByMe: 0,
    });
    const ids = async (q: string) =>
      (await t.as(leader, { method: 'GET', url: `/api/v1/catalog/services?q=${encodeURIComponent(q)}` }))
        .json()
        .services.map((s: { id: string }) => s.id);
    expect(await ids('mileage')).toEqual(['koerselsgodtgoerelse']);
    expect(await ids('kørsel')).toEqual(['koerselsgodtgoerelse']);
    expect(await ids('allowances')).toEqual(expect.arrayContaining(['koerselsgodtgoerelse', 'udlaeg']));
  });

  it('counts the services the user herself submitted, and only hers', async () => {
    const employee = await t.login('demo-medarbejder');
    const trip = { date: '2026-11-02', from: 'Skolen', to: 'Rådhuset', km: '7', purpose: 'Møde' };
    const sent = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId: 'koerselsgodtgoerelse', answers: { trips: [trip] } },
    });
    expect(sent.statusCode).toBe(201);
    const usedBy = async (client: TestClient) =>
      (await t.as(client, { method: 'GET', url: '/api/v1/catalog/services' }))
        .json()
        .services.find((s: { id: string }) => s.id === 'koerselsgodtgoerelse').usedByMe;
    expect(await usedBy(employee)).toBe(1);
    expect(await usedBy(leader)).toBe(0);
  });

  it('gives a form with payroll dates the payroll runs ahead, and one without none', async () => {
    const hire = (await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services/ansaettelse' })).json();
    expect(hire.payrollRuns.length).toBe(14);
    expect(hire.payrollRuns[0]).toMatchObject({ month: expect.stringMatching(/^\d{4}-\d{2}$/) });
    expect(hire.payrollRuns[0].cutOff <= hire.payrollRuns[0].payDay).toBe(true);
    const mileage = (
      await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services/koerselsgodtgoerelse' })
    ).json();
    expect(mileage.payrollRuns).toEqual([]);
  });

  it('saves a draft and gives it back with the form', async () => {
    const saved = await t.as(leader, {
      method: 'PUT',
      url: '/api/v1/catalog/services/fravaer/draft',
      payload: { answers: { absence: { kind: 'sickness' } } },
    });
    expect(saved.statusCode).toBe(200);
    const form = (await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services/fravaer' })).json();
    expect(form.draft.answers).toEqual({ absence: { kind: 'sickness' } });
  });
});
