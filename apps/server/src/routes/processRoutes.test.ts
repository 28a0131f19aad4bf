import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

/** Receipts approved by the leader, then a wait for the payroll date, ending with the service's outcomes. */
const approvalProcess = {
  start: 'godkend',
  steps: [
    {
      id: 'godkend',
      kind: 'approval',
      name: { da: 'HR godkender', en: 'HR approves' },
      approver: 'unit_leader',
      next: [
        { to: 'vent', on: 'approved' },
        { to: 'afvist', on: 'rejected' },
        { to: 'godkend', on: 'returned' },
      ],
    },
    {
      id: 'vent',
      kind: 'wait',
      name: 'Vent',
      until: { field: 'date', offsetDays: 0 },
      next: [{ to: 'slut' }],
    },
    { id: 'slut', kind: 'end', name: 'Udbetalt', outcome: 'paid', next: [] },
    { id: 'afvist', kind: 'end', name: 'Afvist', outcome: 'rejected-not-work', next: [] },
  ],
};

describe.each(targets)('service processes as BPMN on $name', (target) => {
  let t: TestApp;
  let configurator: TestClient;
  let owner: TestClient;
  let auditor: TestClient;
  let leader: TestClient;
  let caseworker: TestClient;

  beforeAll(async () => {
    t = await createTestApp(target);
    configurator = await t.login('demo-konfigurator');
    owner = await t.login('demo-procesejer');
    auditor = await t.login('demo-revisor');
    leader = await t.login('demo-leder');
    caseworker = await t.login('demo-sagsbehandler-loen');
  });
  afterAll(() => t.close());

  const read = async (client: TestClient, version?: number) =>
    t.as(client, { method: 'GET', url: `/api/v1/processes/udlaeg${version ? `?version=${version}` : ''}` });

  it('lists the services and reads a process with its checks and versions', async () => {
    const list = await t.as(configurator, { method: 'GET', url: '/api/v1/processes' });
    expect(list.statusCode).toBe(200);
    expect(list.json().services.length).toBeGreaterThan(5);
    const process = await read(owner);
    expect(process.statusCode).toBe(200);
    expect(process.json()).toMatchObject({ service: { id: 'udlaeg' }, problems: [] });
    expect(process.json().versions[0].version).toBe(process.json().latestVersion);
    expect((await read(auditor)).statusCode).toBe(200);
  });

  it('exports BPMN with a diagram, takes it back unchanged, and saves an uploaded process as a new version', async () => {
    const before = (await read(configurator)).json();
    const file = await t.as(configurator, { method: 'GET', url: '/api/v1/processes/udlaeg/bpmn' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/xml');
    expect(file.headers['content-disposition']).toContain(`udlaeg-v${before.service.version}.bpmn`);
    expect(file.body).toContain('<bpmndi:BPMNDiagram');

    // The same process again: nothing new.
    const same = await t.as(configurator, {
      method: 'PUT',
      url: '/api/v1/processes/udlaeg',
      payload: { baseVersion: before.latestVersion, xml: file.body },
    });
    expect(same.json()).toEqual({ id: 'udlaeg', version: before.latestVersion, changed: false });

    // A new process (with outcomes the service has) as a raw BPMN upload: a new version.
    const sample = approvalProcess;
    const saved = await t.as(configurator, {
      method: 'PUT',
      url: '/api/v1/processes/udlaeg',
      payload: { baseVersion: before.latestVersion, process: sample },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ id: 'udlaeg', version: before.latestVersion + 1, changed: true });
    const after = (await read(configurator)).json();
    expect(after).toMatchObject({ ownProcess: true, latestVersion: before.latestVersion + 1 });
    expect(after.process.steps.map((s: { id: string }) => s.id)).toEqual([
      'godkend',
      'vent',
      'slut',
      'afvist',
    ]);
    // The older version still reads as it was: a running case keeps it.
    expect((await read(configurator, before.latestVersion)).json().process).toEqual(before.process);

    const exported = await t.as(configurator, { method: 'GET', url: '/api/v1/processes/udlaeg/bpmn' });
    const edited = exported.body.replace('name="HR godkender"', 'name="Teamleder godkender"');
    const upload = await t.as(configurator, {
      method: 'POST',
      url: `/api/v1/processes/udlaeg/bpmn?baseVersion=${after.latestVersion}`,
      headers: { 'content-type': 'application/xml' },
      payload: edited,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json().version).toBe(after.latestVersion + 1);
    const { rows } = await t.database.db.execute<{ action: string; details: { version: number } }>(
      sql`SELECT action, details FROM audit_log WHERE action = 'catalog.process.save' AND entity_id = 'udlaeg' ORDER BY at`,
    );
    expect(rows.map((r) => r.details.version)).toEqual([after.latestVersion, after.latestVersion + 1]);

    // Saving over a version someone else has replaced is refused.
    const stale = await t.as(owner, {
      method: 'PUT',
      url: '/api/v1/processes/udlaeg',
      payload: { baseVersion: after.latestVersion, process: approvalProcess },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('process_stale');
  });

  it('refuses a process with problems by step, in both languages, and saves nothing', async () => {
    const before = (await read(configurator)).json();
    const bad = await t.as(configurator, {
      method: 'PUT',
      url: '/api/v1/processes/udlaeg',
      payload: {
        baseVersion: before.latestVersion,
        process: {
          start: 'a',
          steps: [
            { id: 'a', kind: 'approval', name: 'Godkend', next: [{ to: 'slut' }] },
            { id: 'b', kind: 'human', name: 'Glemt', next: [{ to: 'slut' }] },
            { id: 'slut', kind: 'end', name: 'Slut', next: [] },
          ],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    const { error } = bad.json();
    expect(error.code).toBe('process_invalid');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'process.steps.a',
          message: expect.objectContaining({ da: 'Trinnet "Godkend" mangler en godkender.' }),
        }),
        expect.objectContaining({
          path: 'process.steps.b',
          message: expect.objectContaining({ en: 'Step "Glemt" cannot be reached from the start.' }),
        }),
      ]),
    );
    const gateway = await t.as(configurator, {
      method: 'POST',
      url: `/api/v1/processes/udlaeg/bpmn?baseVersion=${before.latestVersion}`,
      headers: { 'content-type': 'application/xml' },
      payload:
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g"/></bpmn:process></bpmn:definitions>',
    });
    expect(gateway.statusCode).toBe(400);
    expect(gateway.json().error.fields).toContainEqual({
      path: 'process.steps.g',
      message: expect.objectContaining({ da: expect.stringContaining('eksklusiv gateway') }),
    });
    expect(
      (
        await t.as(configurator, {
          method: 'PUT',
          url: '/api/v1/processes/udlaeg',
          payload: { baseVersion: 1 },
        })
      ).statusCode,
    ).toBe(400);
    expect((await read(configurator)).json().latestVersion).toBe(before.latestVersion);
  });

  it('lets no leader, caseworker or auditor change a process, and no leader or caseworker read one', async () => {
    const payload = { baseVersion: 1, process: approvalProcess };
    for (const client of [leader, caseworker, auditor]) {
      const put = await t.as(client, { method: 'PUT', url: '/api/v1/processes/udlaeg', payload });
      expect(put.statusCode).toBe(403);
    }
    for (const client of [leader, caseworker]) {
      expect((await read(client)).statusCode).toBe(403);
      expect((await t.as(client, { method: 'GET', url: '/api/v1/processes/udlaeg/bpmn' })).statusCode).toBe(
        403,
      );
    }
    expect(
      (await t.as(configurator, { method: 'GET', url: '/api/v1/processes/findes-ikke' })).statusCode,
    ).toBe(404);
  });
});
