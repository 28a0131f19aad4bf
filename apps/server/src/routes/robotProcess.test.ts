import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { newHireAnswers } from '../testing/newHireAnswers';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const TOPIC = 'boerneattest.bestil';
const API = '/api/robot/v1';

/** The new hire's child certificate, ordered by a robot through the robot API, moves the case's process on. */
describe.each(targets)('a robot step of a process on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let token: string;
  const db = () => t.database.db;
  const robot = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `${API}${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const steps = async (caseId: string) =>
    (
      await db().execute<{ stepId: string; status: string; result: string | null; by: string | null }>(sql`
        SELECT step_id AS "stepId", status, result, completed_by_system AS by
        FROM case_steps WHERE case_id = ${caseId} ORDER BY id`)
    ).rows;
  let hired = 0;
  /** A hire of someone new each time: payroll refuses a second employment for the same CPR number. */
  const newHire = async (lastName: string) => {
    hired += 1;
    const upload = async () =>
      (
        await t.as(leader, {
          method: 'POST',
          url: '/api/v1/attachments?fileName=bevis.pdf',
          headers: { 'content-type': 'application/pdf' },
          payload: PDF,
        })
      ).json().id as string;
    const created = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'ansaettelse',
        confirmNotDuplicate: true,
        answers: newHireAnswers({
          person: { lastName, cpr: `000190-${3300 + hired}` },
          certificates: { worksWithChildren: 'yes', youngestChildAge: '6' },
          documents: { education: [await upload()] },
        }),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id as string;
    await t.runJobs(); // starts the process, decides on the certificate, writes the robot's item
    return caseId;
  };
  const fetchOne = async () => {
    const fetched = await robot('POST', '/work-items/fetch-and-lock', { topic: TOPIC, maxItems: 1 });
    expect(fetched.statusCode, fetched.body).toBe(200);
    const [item] = fetched.json().items as Array<{
      id: string;
      payload: { answers: Record<string, unknown> };
    }>;
    expect(item).toBeDefined();
    return item!;
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    const admin = await t.login('demo-admin');
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/robots',
      payload: { name: 'Attestrobotten', topics: [TOPIC] },
    });
    token = created.json().token as string;
  });
  afterAll(async () => t?.close());

  it('completes the certificate step once, however often the robot completes its item', async () => {
    const caseId = await newHire('Dobbelt');
    const item = await fetchOne();
    // Only what ordering the certificate needs.
    expect(item.payload.answers).toMatchObject({ firstName: 'Ny', lastName: 'Dobbelt' });
    expect(item.payload.answers).not.toHaveProperty('agreement');
    for (let i = 0; i < 2; i++) {
      const done = await robot('POST', `/work-items/${item.id}/complete`, {
        output: { orderReference: `BA-${i}` },
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().replayed).toBe(i === 1);
    }
    const after = await steps(caseId);
    expect(after.find((s) => s.stepId === 'attestbestilling')).toMatchObject({
      status: 'done',
      result: 'done',
      by: 'robot:Attestrobotten',
    });
    // The setup's branch ran by itself before; the join passed once, when the certificate came.
    expect(after.filter((s) => s.stepId === 'samling')).toEqual([
      expect.objectContaining({ status: 'done' }),
    ]);
    const events = await db().execute<{ data: { by: unknown; stepId: string } }>(sql`
      SELECT data FROM case_events WHERE case_id = ${caseId} AND type = 'step'`);
    expect(events.rows.filter((e) => e.data.by === 'robot:Attestrobotten')).toHaveLength(1);
  });

  it('sends a certificate with remarks (a business error) to a caseworker', async () => {
    const caseId = await newHire('Anmaerkning');
    const item = await fetchOne();
    const reported = await robot('POST', `/work-items/${item.id}/business-error`, {
      reason: 'Børneattesten har anmærkninger',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const after = await steps(caseId);
    expect(after.find((s) => s.stepId === 'attestbestilling')).toMatchObject({ result: 'business_error' });
    expect(after.find((s) => s.stepId === 'attestmanuel')).toMatchObject({ status: 'active' });
  });

  it('hands the case to a person when the robot fails it that way', async () => {
    const caseId = await newHire('Fejl');
    const item = await fetchOne();
    const failed = await robot('POST', `/work-items/${item.id}/fail`, {
      reason: 'Politiets system kender ikke personen',
      retry: 'person',
    });
    expect(failed.json()).toMatchObject({ outcome: 'failed' });
    const { rows } = await db().execute<{ automation: string; reason: string }>(sql`
      SELECT automation, automation_reason AS reason FROM cases WHERE id = ${caseId}`);
    expect(rows[0]).toMatchObject({ automation: 'failed' });
    expect(rows[0]!.reason).toContain('Politiets system kender ikke personen');
    expect((await steps(caseId)).find((s) => s.stepId === 'attestbestilling')).toMatchObject({
      status: 'cancelled',
    });
  });
});
