import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { ConnectorError, isFakeCpr, type ConnectorCall } from '@indgang/domain';
import type { TCprPersonAnswer, TLookupState } from '@indgang/schemas';
import { CprRegister, CPR_SIMULATED_HIRES } from '../../simulators/cpr/cprRegister';
import { createTestApp, type TestApp, type TestClient } from '../../testing/createTestApp';
import { personLookupRequestXml, SF1520_PATH } from './sf1520Wire';

const targets = await testDatabaseTargets();
const call = (key = 'lookup-test'): ConnectorCall => ({ key, signal: new AbortController().signal });
// A number in a birth year the demo never uses, so no one has it.
const UNKNOWN = '000150-0001';

/** A CPR number no person can have: day 00 (the demo's and the hires') or a day past any month's end. */
function impossibleDate(cpr: string): boolean {
  const day = Number(cpr.slice(0, 2));
  const month = Number(cpr.slice(2, 4));
  return day === 0 || day > 31 || month === 0 || month > 12;
}

describe('the simulated CPR knows only made-up people', () => {
  it.each([
    ['the tests', { seed: 2026, scale: 0.1 }],
    ['the full demo', { seed: 2026 }],
    ['another seed', { seed: 7 }],
  ])('every number it answers for %s is an impossible date in the demo’s fake range', (_name, demo) => {
    const numbers = new CprRegister(demo).numbers();
    expect(numbers.length).toBeGreaterThan(CPR_SIMULATED_HIRES.length);
    for (const pnr of numbers) {
      expect(impossibleDate(pnr), pnr).toBe(true);
      expect(isFakeCpr(pnr), pnr).toBe(true);
    }
  });

  it('has the hires a demo needs: an ordinary one, one with address protection, one emigrated, one dead', () => {
    const statuses = CPR_SIMULATED_HIRES.map((p) => [p.status, p.addressProtected ?? false]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        [1, false],
        [1, true],
        [80, false],
        [90, false],
      ]),
    );
  });
});

describe.each(targets)('CPR (SF1520 PersonLookup) against its simulator on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let caseworker: TestClient;
  let employee: TestClient;

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    caseworker = await t.login('demo-sagsbehandler-hr');
    employee = await t.login('demo-medarbejder');
  }, 120_000);
  afterAll(() => t.close());

  const lookup = async (client: TestClient, input: Record<string, unknown>) => {
    const asked = await t.as(client, {
      method: 'POST',
      url: '/api/v1/lookups',
      payload: { name: 'cpr.person', input },
    });
    if (asked.statusCode !== 202) return { statusCode: asked.statusCode, state: null };
    await t.runJobs();
    const read = await t.as(client, {
      method: 'GET',
      url: `/api/v1/lookups/${asked.json<{ id: string }>().id}`,
    });
    return { statusCode: asked.statusCode, state: read.json<TLookupState>() };
  };

  it('reads a hire: name, address and status in CPR’s words, as the port shapes them', async () => {
    const person = await t.connectors.cpr.lookup({ cpr: '000604-4118' }, call());
    expect(person).toMatchObject({
      cpr: '000604-4118',
      firstName: 'Mathilde Krogh',
      lastName: 'Nielsen',
      addressingName: 'Nielsen,Mathilde Krogh',
      address: { postcode: '9999', city: 'Eksempelby', street: expect.stringMatching(/^\S+ \d+/) },
      addressProtected: false,
      status: 'alive',
      statusCode: 1,
      statusDate: null,
    });
  });

  it('withholds a protected address in the adapter, although the service sends it', async () => {
    const raw = await fetch(`${t.simulators.url}/cpr/${SF1520_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: personLookupRequestXml('0009074424', {
        ServiceAgreementUUID: '00000000-0000-0000-0000-000000000000',
        UserSystemUUID: '00000000-0000-0000-0000-000000000000',
        UserUUID: '00000000-0000-0000-0000-000000000000',
        ServiceUUID: '00000000-0000-0000-0000-000000000000',
      }),
    });
    const xml = await raw.text();
    expect(xml).toContain('<beskyttet>true</beskyttet>');
    expect(xml).toContain('<postdistrikt>Eksempelby</postdistrikt>');
    const person = await t.connectors.cpr.lookup({ cpr: '000907-4424' }, call());
    expect(person).toMatchObject({ addressProtected: true, address: null, status: 'alive' });
  });

  it('tells emigrated and dead people by their CPR status and its date', async () => {
    expect(await t.connectors.cpr.lookup({ cpr: '000105-4535' }, call())).toMatchObject({
      status: 'emigrated',
      statusCode: 80,
      statusDate: '2024-08-15',
      address: null,
    });
    expect(await t.connectors.cpr.lookup({ cpr: '0002480643' }, call())).toMatchObject({
      status: 'dead',
      statusCode: 90,
      statusDate: '2025-01-10',
    });
  });

  it('refuses an unknown or an invalid number in CPR’s words, not to be retried', async () => {
    const unknown = await t.connectors.cpr.lookup({ cpr: UNKNOWN }, call()).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ConnectorError);
    expect(unknown).toMatchObject({ outcome: 'refused', code: 'PNRNotFound', systemText: 'PNR not found' });
    const invalid = await t.connectors.cpr.lookup({ cpr: '12345' }, call()).catch((e: unknown) => e);
    expect(invalid).toMatchObject({
      outcome: 'refused',
      code: 'InvalidPNR',
      systemText: 'PNR must be 10 digits',
    });
  });

  it('times out when CPR does not answer, is transient when it is down, then answers', async () => {
    await t.simulators.faults.plan({ system: 'cpr', operation: 'PersonLookup', fault: 'timeout', times: 1 });
    const slow = await t.connectors.cpr.lookup({ cpr: '001105-4217' }, call()).catch((e: unknown) => e);
    expect(slow).toMatchObject({ outcome: 'timeout' });
    await t.simulators.faults.plan({
      system: 'cpr',
      operation: 'PersonLookup',
      fault: 'unavailable',
      times: 1,
    });
    const down = await t.connectors.cpr.lookup({ cpr: '001105-4217' }, call()).catch((e: unknown) => e);
    expect(down).toMatchObject({ outcome: 'transient', code: 'http_503' });
    expect(await t.connectors.cpr.lookup({ cpr: '001105-4217' }, call())).toMatchObject({
      firstName: 'Oliver Bach',
    });
  });

  it('lets a leader read a hire into her unit: the protected address reads "Adressebeskyttet", the number masked', async () => {
    const { state } = await lookup(leader, { cpr: '000907-4424', unitId: 'buf-001' });
    expect(state).toMatchObject({ status: 'done', error: null });
    const answer = state!.result as TCprPersonAnswer;
    expect(answer).toEqual({
      cpr: '000907-XXXX',
      cprMasked: true,
      firstName: 'Sara Lund',
      lastName: 'Kristiansen',
      address: null,
      addressProtected: true,
      addressText: { da: 'Adressebeskyttet', en: 'Address protected' },
      status: 'alive',
      statusCode: 1,
      statusDate: null,
      statusText: { da: 'Lever og bor i Danmark', en: 'Alive and living in Denmark' },
    });
    // The address is nowhere: not in the answer kept for her, not in the audit trail.
    const kept = await t.database.db.execute<{ text: string }>(
      sql`SELECT result::text AS text FROM connector_lookups WHERE operation = 'cpr.person'`,
    );
    for (const row of kept.rows) expect(row.text).not.toMatch(/Eksempelby|9999/);
    const [audit] = (
      await t.database.db.execute<{ details: { lookup: string; what: string } }>(
        sql`SELECT details FROM audit_log WHERE action = 'connector.lookup' AND actor_user_id = 'demo-leder' ORDER BY seq DESC LIMIT 1`,
      )
    ).rows;
    expect(audit!.details).toEqual({
      lookup: 'cpr.person',
      what: expect.stringContaining('til ansættelse i') as string,
    });
    expect(JSON.stringify(audit)).not.toContain('000907');
  });

  it('shows a caseworker with the CPR permission the whole number, and the address of an unprotected hire', async () => {
    const { state } = await lookup(caseworker, { cpr: '0006044118', unitId: 'suf-001' });
    expect(state!.result).toMatchObject({
      cpr: '000604-4118',
      cprMasked: false,
      address: { city: 'Eksempelby' },
      addressText: null,
    });
  });

  it('says a dead person is dead, and has no address for her', async () => {
    const { state } = await lookup(leader, { cpr: '000248-0643', unitId: 'buf-001' });
    expect(state!.result).toMatchObject({
      status: 'dead',
      statusText: { da: 'Død', en: 'Dead' },
      address: null,
      addressProtected: false,
      addressText: { da: expect.any(String), en: expect.any(String) },
    });
  });

  it('answers an unknown number as a failed lookup in plain words, recorded as CPR’s refusal', async () => {
    const { state } = await lookup(leader, { cpr: UNKNOWN, unitId: 'buf-001' });
    expect(state).toMatchObject({
      status: 'failed',
      result: null,
      error: { da: 'CPR kender ikke CPR-nummeret. Kontrollér nummeret.', en: expect.any(String) },
    });
    const [recorded] = (
      await t.database.db.execute<{ outcome: string; errorText: string }>(
        sql`SELECT outcome, error_text AS "errorText" FROM connector_calls WHERE connector = 'cpr' ORDER BY id DESC LIMIT 1`,
      )
    ).rows;
    expect(recorded).toEqual({ outcome: 'refused', errorText: 'PNR not found' });
  });

  it('refuses a leader a unit she does not lead, and an employee altogether, with or without a unit', async () => {
    expect((await lookup(leader, { cpr: '000604-4118', unitId: 'suf-001' })).statusCode).toBe(404);
    expect((await lookup(employee, { cpr: '000604-4118', unitId: 'buf-001' })).statusCode).toBe(403);
    expect((await lookup(leader, { cpr: 'not a number', unitId: 'buf-001' })).statusCode).toBe(400);
    // A form without a unit field: any leader may read a hire, audited without a unit.
    const { state } = await lookup(leader, { cpr: '000604-4118' });
    expect(state).toMatchObject({ status: 'done', result: { lastName: 'Nielsen' } });
    expect((await lookup(employee, { cpr: '000604-4118' })).statusCode).toBe(403);
  });
});
