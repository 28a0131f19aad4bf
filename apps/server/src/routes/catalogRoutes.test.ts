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
    expect(again).toEqual({ added: [], unchanged: expect.arrayContaining(['ansaettelse@2']) });
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
