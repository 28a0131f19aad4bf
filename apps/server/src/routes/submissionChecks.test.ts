import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** What the server checks in a submission beyond the form: the same matter sent twice, and CPR numbers. */
describe.each(targets)('submission checks on $name', (target) => {
  let t: TestApp;
  let employee: TestClient;
  let leader: TestClient;

  beforeAll(async () => {
    t = await createTestApp(target);
    employee = await t.login('demo-medarbejder');
    leader = await t.login('demo-leder');
  });
  afterAll(() => t.close());

  const submit = (client: TestClient, serviceId: string, answers: object, confirmNotDuplicate?: boolean) =>
    t.as(client, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId, answers, ...(confirmNotDuplicate ? { confirmNotDuplicate } : {}) },
    });
  const trip = (date: string, to = 'Rådhuset') => ({ date, from: 'Skolen', to, km: '12', purpose: 'Møde' });

  it('warns when the same mileage trip is sent again, naming the trip and the open case', async () => {
    const first = await submit(employee, 'koerselsgodtgoerelse', { trips: [trip('2026-10-05')] });
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(employee, 'koerselsgodtgoerelse', {
      trips: [trip('2026-10-07', 'Kursuscentret'), trip('2026-10-05')],
    });
    expect(again.statusCode).toBe(409);
    const error = again.json().error;
    expect(error).toMatchObject({
      code: 'duplicate_case',
      data: { caseId: first.json().id, caseNumber: first.json().number },
    });
    expect(error.message.da).toBe(
      `Tur 2 (5.10.2026) står allerede i en åben sag: ${first.json().number} (Kørselsgodtgørelse). Skriv til den sag i stedet, eller bekræft, at det er en ny sag.`,
    );
    expect(error.message.en).toContain(
      `Trip 2 (5 October 2026) is already in an open case: ${first.json().number}`,
    );
  });

  it('takes other trips in the same weeks, and the same trip once the submitter confirms it is new', async () => {
    const other = await submit(employee, 'koerselsgodtgoerelse', { trips: [trip('2026-10-06')] });
    expect(other.statusCode, other.body).toBe(201);
    const confirmed = await submit(employee, 'koerselsgodtgoerelse', { trips: [trip('2026-10-05')] }, true);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
  });

  it('warns when the same receipt is claimed twice', async () => {
    const receipt = async () =>
      (
        await t.as(employee, {
          method: 'POST',
          url: '/api/v1/attachments?fileName=kvittering.pdf',
          headers: { 'content-type': 'application/pdf' },
          payload: PDF,
        })
      ).json().id as string;
    const claim = async () => ({
      receipts: [{ date: '2026-10-12', description: 'Bøger', amount: '149,95', receipt: [await receipt()] }],
    });
    expect((await submit(employee, 'udlaeg', await claim())).statusCode).toBe(201);
    const again = await submit(employee, 'udlaeg', await claim());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message.en).toContain('Receipt 1 (12 October 2026) is already in an open case');
  });

  it('refuses a CPR number with month 34 with a message that names the month', async () => {
    const refused = await submit(leader, 'ansaettelse', {
      position: {
        unit: 'buf-001',
        position: 'Lærer',
        agreement: 'laerere',
        weeklyHours: '37',
        startDate: '2027-08-01',
      },
      person: { firstName: 'Ny', lastName: 'Lærer', cpr: '013490-1234', nationality: 'dk' },
      certificates: { worksWithChildren: 'no' },
      documents: {},
    });
    expect(refused.statusCode).toBe(400);
    const cpr = refused.json().error.fields.find((f: { path: string }) => f.path === 'person.cpr');
    expect(cpr.message.da).toContain('måned 34');
  });
});
