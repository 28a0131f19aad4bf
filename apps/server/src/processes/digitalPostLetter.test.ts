import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { todayInDenmark } from '@indgang/domain';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';
import {
  DELIVERY_DELAY_MS,
  SIMULATED_RECIPIENTS,
  type SimulatedMessage,
} from '../simulators/digitalPost/sf1601Simulator';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An expense claim that, once submitted, is answered by a letter in Digital Post and resolved. */
const letterProcess = {
  start: 'brev',
  steps: [
    {
      id: 'brev',
      kind: 'automated',
      name: { da: 'Svar i Digital Post', en: 'Answer by Digital Post' },
      action: 'digitalPost.send',
      letter: {
        label: { da: 'Svar på dit udlæg', en: 'Answer to your expense claim' },
        text: 'Dit udlæg er godkendt.\n\nDet udbetales med næste løn.',
        legalNotification: true,
      },
      next: [{ to: 'slut', on: 'done' }, { to: 'manuel' }],
    },
    { id: 'manuel', kind: 'human', name: 'Manuel behandling', next: [{ to: 'afsluttet' }] },
    { id: 'slut', kind: 'end', name: 'Udbetalt', outcome: 'paid', next: [] },
    { id: 'afsluttet', kind: 'end', name: 'Afsluttet', next: [] },
  ],
};

type Event = { type: string; body: string | null; data: Record<string, unknown> };

describe.each(targets)('a letter by Digital Post from a process step on $name', (target) => {
  let t: TestApp;
  let employee: TestClient;
  let personId: string;

  const db = () => t.database.db;
  const messages = () => t.simulators.stores.get('digitalPost')!.list<SimulatedMessage>('messages');
  const letterStep = async (caseId: string) =>
    (
      await db().execute<{ id: string; status: string; data: Record<string, unknown> }>(sql`
        SELECT id, status, data FROM case_steps WHERE case_id = ${caseId} AND step_id = 'brev'`)
    ).rows[0]!;
  const caseRow = async (caseId: string) =>
    (
      await db().execute<{ status: string; automation: string | null; automationReason: string | null }>(sql`
        SELECT status, automation, automation_reason AS "automationReason" FROM cases WHERE id = ${caseId}`)
    ).rows[0]!;
  const events = async (caseId: string) =>
    (
      await db().execute<Event>(sql`
        SELECT type, body, data FROM case_events WHERE case_id = ${caseId} ORDER BY id`)
    ).rows;
  const statusJobs = async (caseId: string) =>
    (
      await db().execute<{ payload: { poll: number }; doneAt: string | null; runAt: string }>(sql`
        SELECT payload, done_at::text AS "doneAt", run_at::text AS "runAt" FROM jobs
        WHERE kind = 'digitalPost.status' AND case_id = ${caseId} ORDER BY id`)
    ).rows;
  /** Runs what is due now, and what is due later too (a retry's back-off, the next status check). */
  const runAllJobs = async () => {
    await db().execute(sql`UPDATE jobs SET run_at = now() WHERE done_at IS NULL AND dead_at IS NULL`);
    await t.runJobs();
  };
  const claim = async (cpr: string | null) => {
    await db().execute(sql`UPDATE persons SET cpr = ${cpr} WHERE id = ${personId}`);
    const receipt = (
      await t.as(employee, {
        method: 'POST',
        url: '/api/v1/attachments?fileName=kvittering.pdf',
        headers: { 'content-type': 'application/pdf' },
        payload: PDF,
      })
    ).json().id as string;
    const created = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'udlaeg',
        answers: {
          receipts: [
            { date: todayInDenmark(), description: 'Kontorartikler', amount: '125,00', receipt: [receipt] },
          ],
        },
        confirmNotDuplicate: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(target);
    employee = await t.login('demo-medarbejder');
    const configurator = await t.login('demo-konfigurator');
    personId = (
      await db().execute<{ personId: string }>(
        sql`SELECT person_id AS "personId" FROM users WHERE id = 'demo-medarbejder'`,
      )
    ).rows[0]!.personId;
    const before = (await t.as(configurator, { method: 'GET', url: '/api/v1/processes/udlaeg' })).json();
    const saved = await t.as(configurator, {
      method: 'PUT',
      url: '/api/v1/processes/udlaeg',
      payload: { baseVersion: before.latestVersion, process: letterProcess },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The letter's settings survive a round trip through BPMN: the exported file saves as no change.
    const file = await t.as(configurator, { method: 'GET', url: '/api/v1/processes/udlaeg/bpmn' });
    expect(file.body).toContain('indgang:letterLabelDa="Svar på dit udlæg"');
    const same = await t.as(configurator, {
      method: 'PUT',
      url: '/api/v1/processes/udlaeg',
      payload: { baseVersion: saved.json().version, xml: file.body },
    });
    expect(same.json()).toMatchObject({ changed: false });
  });
  afterAll(() => t.close());
  afterEach(() => t.simulators.faults.clear());

  it('sends the letter as a PDF to the person the case is about, resolves the case, and reads the letter delivered onto the timeline', async () => {
    const caseId = await claim('000385-1234');
    await t.runJobs(); // the process starts: the letter step's job is written
    await t.runJobs(); // the letter is sent
    const step = await letterStep(caseId);
    expect(step.status).toBe('done');
    const uuid = (step.data.digitalPost as { messageUuid: string }).messageUuid;
    expect(step.data).toMatchObject({
      sent: true,
      letter: { label: 'Svar på dit udlæg', recipientPersonId: personId },
      digitalPost: { messageUuid: uuid, document: { bytes: expect.any(Number), sha256: expect.any(String) } },
    });
    expect((await caseRow(caseId)).status).toBe('resolved');
    const sent = messages().filter((m) => m.messageUuid === uuid);
    expect(sent).toEqual([
      expect.objectContaining({
        recipient: '0003851234',
        label: 'Svar på dit udlæg',
        legalNotification: true,
        mandatory: false,
        kombiValgKode: 'Automatisk Valg',
      }),
    ]);
    expect(sent[0]!.files[0]!.filename).toMatch(/Svar på dit udlæg\.pdf$/);

    // The first status check comes a minute later; asked before Digital Post delivered, it looks again later.
    const [first] = await statusJobs(caseId);
    expect(first).toMatchObject({ payload: { poll: 1 }, doneAt: null });
    expect(Date.parse(first!.runAt) - Date.now()).toBeGreaterThan(30_000);
    await runAllJobs();
    expect((await statusJobs(caseId)).map((j) => j.payload.poll)).toEqual([1, 2]);
    expect((await events(caseId)).filter((e) => e.type === 'letter')).toEqual([]);

    await sleep(DELIVERY_DELAY_MS + 100);
    await runAllJobs();
    const letters = (await events(caseId)).filter((e) => e.type === 'letter');
    expect(letters).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          status: 'delivered',
          label: { da: 'Brevet er leveret i Digital Post', en: 'The letter was delivered by Digital Post' },
        }),
      }),
    ]);
    expect((await letterStep(caseId)).data.delivery).toMatchObject({
      status: 'delivered',
      messageUuid: uuid,
    });
    // Nothing more to check: no further job, and a check run again changes nothing.
    await runAllJobs();
    expect((await statusJobs(caseId)).every((j) => j.doneAt !== null)).toBe(true);
    expect((await events(caseId)).filter((e) => e.type === 'letter')).toHaveLength(1);
  });

  it('says on the timeline that an exempt recipient gets the letter on paper', async () => {
    const caseId = await claim(SIMULATED_RECIPIENTS.exempt);
    await t.runJobs();
    await t.runJobs();
    await sleep(DELIVERY_DELAY_MS + 100);
    await runAllJobs();
    expect((await events(caseId)).filter((e) => e.type === 'letter').map((e) => e.data.label)).toEqual([
      {
        da: 'Modtageren er fritaget — brevet er sendt som papirpost',
        en: 'The recipient is exempt from Digital Post — the letter was sent on paper',
      },
    ]);
    expect((await caseRow(caseId)).status).toBe('resolved');
  });

  it('reopens the case for its team when the letter could not be delivered', async () => {
    const caseId = await claim(SIMULATED_RECIPIENTS.unknown);
    await t.runJobs();
    await t.runJobs();
    expect((await caseRow(caseId)).status).toBe('resolved');
    await sleep(DELIVERY_DELAY_MS + 100);
    await runAllJobs();
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'submitted', automation: 'failed' });
    expect(row.automationReason).toBe(
      'Brevet kunne ikke leveres i Digital Post: Modtageren findes ikke i CPR. (1001)',
    );
    expect((await events(caseId)).map((e) => e.type).slice(-3)).toEqual(['letter', 'reopened', 'automation']);
  });

  it('sends one letter when the answer to the first sending was lost and the job tried again', async () => {
    t.simulators.faults.plan({
      system: 'digitalPost',
      operation: 'kombiPostAfsend',
      fault: 'lost_answer',
      times: 1,
    });
    const before = messages().length;
    const caseId = await claim('000385-1234');
    await t.runJobs();
    await t.runJobs(); // sent, but the answer is lost: the job fails and will be tried again
    expect((await letterStep(caseId)).status).toBe('active');
    expect(messages().length).toBe(before + 1);
    await runAllJobs(); // the retry sends the same message: Digital Post knows it
    const step = await letterStep(caseId);
    expect(step.status).toBe('done');
    expect(messages().length).toBe(before + 1);
    expect(messages().at(-1)!.messageUuid).toBe(
      (step.data.digitalPost as { messageUuid: string }).messageUuid,
    );
    const calls = (
      await db().execute<{ outcome: string }>(sql`
        SELECT outcome FROM connector_calls WHERE connector = 'digitalPost' AND operation = 'send'
        AND case_id = ${caseId} ORDER BY id`)
    ).rows.map((r) => r.outcome);
    expect(calls).toEqual(['transient', 'ok']);
  });

  it('hands the case to a person with the reason when Digital Post refuses the letter, or there is no CPR number', async () => {
    const refused = await claim('150385-1234'); // not a test person: the test environment refuses it
    await t.runJobs();
    await t.runJobs();
    expect(await caseRow(refused)).toMatchObject({
      status: 'submitted',
      automation: 'failed',
      automationReason: 'Digital Post afviste: Testmiljøet modtager kun post til fiktive CPR-numre (dag 00).',
    });
    expect((await letterStep(refused)).status).toBe('cancelled');

    const noCpr = await claim(null);
    await t.runJobs();
    await t.runJobs();
    expect((await caseRow(noCpr)).automationReason).toBe(
      'Indgang kender ikke CPR-nummeret på den person, sagen handler om, så brevet kan ikke sendes i Digital Post.',
    );
  });
  // Last: it saves a process version whose letter step names no letter.
  it('hands the case to a person when the step says nothing of the letter', async () => {
    const configurator = await t.login('demo-konfigurator');
    const before = (await t.as(configurator, { method: 'GET', url: '/api/v1/processes/udlaeg' })).json();
    const [brev, ...rest] = letterProcess.steps;
    const { letter: _letter, ...withoutLetter } = brev!;
    const saved = await t.as(configurator, {
      method: 'PUT',
      url: '/api/v1/processes/udlaeg',
      payload: {
        baseVersion: before.latestVersion,
        process: { ...letterProcess, steps: [withoutLetter, ...rest] },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await sleep(5_100); // a new service version reaches submissions within 5 s (the catalogue cache)
    const caseId = await claim('000385-1234');
    await t.runJobs();
    await t.runJobs();
    expect(await caseRow(caseId)).toMatchObject({
      status: 'submitted',
      automation: 'failed',
      automationReason: 'Trinnet "Svar i Digital Post" nævner ikke, hvilket brev der skal sendes.',
    });
  });
});
