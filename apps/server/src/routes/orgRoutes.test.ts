import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

describe.each(targets)('organisation access on $name', (target) => {
  let t: TestApp;
  let leaderA: TestClient;
  let leaderB: TestClient;
  let employee: TestClient;
  let deputy: TestClient;
  let caseworker: TestClient;
  let auditor: TestClient;
  let personOfA: string;
  let personOfB: string;
  let selfOfEmployee: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    leaderA = await t.login('demo-leder');
    leaderB = await t.login('demo-leder-pleje');
    employee = await t.login('demo-medarbejder');
    deputy = await t.login('demo-stedfortraeder');
    caseworker = await t.login('demo-sagsbehandler-loen');
    auditor = await t.login('demo-revisor');
    const unitA = (await t.as(caseworker, { method: 'GET', url: '/api/v1/org/units/buf-001' })).json();
    const unitB = (await t.as(caseworker, { method: 'GET', url: '/api/v1/org/units/suf-001' })).json();
    personOfA = unitA.employees.find((e: { name: string }) => e.name)!.personId;
    personOfB = unitB.employees[0].personId;
    selfOfEmployee = (await t.as(employee, { method: 'GET', url: '/api/v1/me' })).json().personId;
  });
  afterAll(() => t.close());

  it('lets a leader see her own unit and its people', async () => {
    const units = (await t.as(leaderA, { method: 'GET', url: '/api/v1/org/units' })).json();
    expect(units.map((u: { id: string }) => u.id)).toEqual(['buf-001']);
    expect((await t.as(leaderA, { method: 'GET', url: '/api/v1/org/units/buf-001' })).statusCode).toBe(200);
    expect((await t.as(leaderA, { method: 'GET', url: `/api/v1/org/persons/${personOfA}` })).statusCode).toBe(
      200,
    );
  });

  it('never lets the leader of unit A read anything of unit B, by any endpoint', async () => {
    const unitB = await t.as(leaderA, { method: 'GET', url: '/api/v1/org/units/suf-001' });
    expect(unitB.statusCode).toBe(404);
    expect(unitB.body).not.toContain('employees');
    expect((await t.as(leaderA, { method: 'GET', url: `/api/v1/org/persons/${personOfB}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.as(leaderA, { method: 'GET', url: `/api/v1/org/persons/${personOfB}?reveal=cpr` })).statusCode,
    ).toBe(403);
    const bName = (await t.as(caseworker, { method: 'GET', url: `/api/v1/org/persons/${personOfB}` })).json();
    const search = (
      await t.as(leaderA, {
        method: 'GET',
        url: `/api/v1/org/persons?q=${encodeURIComponent(bName.employeeNumber)}`,
      })
    ).json();
    expect(search).toEqual([]);
    const units = (await t.as(leaderA, { method: 'GET', url: '/api/v1/org/units' })).body;
    expect(units).not.toContain('suf-001');
    expect((await t.as(leaderA, { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
    expect((await t.as(leaderA, { method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(403);
    expect(
      (
        await t.as(leaderA, {
          method: 'POST',
          url: '/api/v1/org/imports',
          headers: { 'content-type': 'text/csv' },
          payload: 'unit_id;unit_name;unit_kind\nx;X;office',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.as(leaderA, {
          method: 'POST',
          url: '/api/v1/delegations',
          payload: {
            toPersonId: personOfB,
            unitId: 'suf-001',
            validFrom: '2026-01-01',
            validTo: '2026-12-31',
          },
        })
      ).statusCode,
    ).toBe(404);
    // and the other way round
    expect((await t.as(leaderB, { method: 'GET', url: `/api/v1/org/persons/${personOfA}` })).statusCode).toBe(
      404,
    );
    expect((await t.as(leaderB, { method: 'GET', url: '/api/v1/org/units/buf-001' })).statusCode).toBe(404);
  });

  it('treats unknown ids like forbidden ones, so ids cannot be guessed', async () => {
    const missing = await t.as(leaderA, { method: 'GET', url: '/api/v1/org/persons/p-999999' });
    const other = await t.as(leaderA, { method: 'GET', url: `/api/v1/org/persons/${personOfB}` });
    expect(missing.statusCode).toBe(other.statusCode);
    expect(missing.json().error.message).toEqual(other.json().error.message);
  });

  it('lets an employee see herself only', async () => {
    expect((await t.as(employee, { method: 'GET', url: '/api/v1/me/profile' })).json().person.id).toBe(
      selfOfEmployee,
    );
    expect(
      (await t.as(employee, { method: 'GET', url: `/api/v1/org/persons/${selfOfEmployee}?reveal=cpr` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.as(employee, { method: 'GET', url: `/api/v1/org/persons/${personOfA}` })).statusCode,
    ).toBe(404);
    expect((await t.as(employee, { method: 'GET', url: '/api/v1/org/units' })).statusCode).toBe(403);
    expect((await t.as(employee, { method: 'GET', url: '/api/v1/org/persons?q=an' })).statusCode).toBe(403);
  });

  it('gives a deputy what the leader delegated, and only while the delegation runs', async () => {
    const me = (await t.as(deputy, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me.delegatedUnitIds).toEqual(['buf-001']);
    expect((await t.as(deputy, { method: 'GET', url: '/api/v1/org/units/buf-001' })).statusCode).toBe(200);
    expect((await t.as(deputy, { method: 'GET', url: '/api/v1/org/units/suf-001' })).statusCode).toBe(404);
    const list = (await t.as(leaderA, { method: 'GET', url: '/api/v1/delegations' })).json();
    expect(
      (await t.as(leaderA, { method: 'DELETE', url: `/api/v1/delegations/${list[0].id}` })).statusCode,
    ).toBe(200);
    expect((await t.as(deputy, { method: 'GET', url: '/api/v1/org/units/buf-001' })).statusCode).toBe(403);
    const toPersonId = me.personId;
    // Eleven months ahead: within the twelve a delegation may run.
    const validTo = new Date(Date.now() + 330 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await t.as(leaderA, {
          method: 'POST',
          url: '/api/v1/delegations',
          payload: { toPersonId: personOfB, unitId: 'buf-001', validFrom: '2020-01-01', validTo },
        })
      ).statusCode,
    ).toBe(404);
    const again = await t.as(leaderA, {
      method: 'POST',
      url: '/api/v1/delegations',
      payload: { toPersonId, unitId: 'buf-001', validFrom: '2020-01-01', validTo },
    });
    expect(again.statusCode).toBe(201);
    expect((await t.as(deputy, { method: 'GET', url: '/api/v1/org/units/buf-001' })).statusCode).toBe(200);
  });

  it('masks the CPR number unless asked for, and logs who asked', async () => {
    const masked = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/org/persons/${personOfB}` })
    ).json();
    expect(masked.cpr).toMatch(/^\d{6}-XXXX$/);
    const full = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/org/persons/${personOfB}?reveal=cpr` })
    ).json();
    expect(full.cpr).toMatch(/^00\d{4}-\d{4}$/);
    const log = (
      await t.as(auditor, { method: 'GET', url: `/api/v1/audit?subjectPersonId=${personOfB}` })
    ).json();
    expect(log.map((e: { action: string; actorUserId: string }) => `${e.action}:${e.actorUserId}`)).toEqual(
      expect.arrayContaining([
        'person.read:demo-sagsbehandler-loen',
        'person.read_cpr:demo-sagsbehandler-loen',
      ]),
    );
  });

  it('lets the auditor read everything and change nothing', async () => {
    expect((await t.as(auditor, { method: 'GET', url: '/api/v1/org/units/suf-001' })).statusCode).toBe(200);
    expect((await t.as(auditor, { method: 'GET', url: `/api/v1/org/persons/${personOfA}` })).statusCode).toBe(
      200,
    );
    expect(
      (
        await t.as(auditor, {
          method: 'POST',
          url: '/api/v1/delegations',
          payload: {
            toPersonId: personOfA,
            unitId: 'buf-001',
            validFrom: '2026-01-01',
            validTo: '2026-12-31',
          },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.as(auditor, {
          method: 'POST',
          url: '/api/v1/org/imports',
          headers: { 'content-type': 'text/csv' },
          payload: 'unit_id;unit_name;unit_kind\nx;X;office',
        })
      ).statusCode,
    ).toBe(403);
    const own = (
      await t.as(auditor, { method: 'GET', url: '/api/v1/audit?actorUserId=demo-revisor&limit=500' })
    ).json();
    expect(own.some((e: { action: string }) => e.action === 'person.read')).toBe(true);
    expect(own.some((e: { action: string }) => e.action === 'unit.read_staff')).toBe(true);
  });

  it('refuses every API call without a session', async () => {
    for (const url of [
      '/api/v1/me',
      '/api/v1/org/units',
      '/api/v1/org/units/buf-001',
      `/api/v1/org/persons/${personOfA}`,
      '/api/v1/audit',
      '/api/v1/delegations',
      '/api/v1/me/profile',
    ]) {
      const response = await t.as(null, { method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.message.da).toBe('Du skal logge ind.');
    }
  });
});
