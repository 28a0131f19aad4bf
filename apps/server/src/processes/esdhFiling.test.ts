import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';
import type { GoCase, GoDocument } from '../simulators/esdh/getOrganizedSimulator';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A document for the personnel file, filed by the automation as soon as it is submitted. */
const FILING_PROCESS = {
  start: 'arkiv',
  steps: [
    {
      id: 'arkiv',
      kind: 'automated',
      name: { da: 'Læg i personalesagen', en: 'File in the personnel file' },
      action: 'esdh.file',
      next: [{ to: 'journaliseret', on: 'done' }],
    },
    {
      id: 'journaliseret',
      kind: 'end',
      name: { da: 'Journaliseret', en: 'Filed' },
      outcome: 'filed',
      next: [],
    },
  ],
};

/**
 * `esdh.file` through the job engine against the simulated GetOrganized: the case's record and
 * its attachment land in the subject's personnel file under the service's KLE number, once, even
 * when GetOrganized times out or loses its answer; a refusal in GetOrganized's words hands the
 * case to a person.
 */
describe.each(targets)('filing a case in the personnel file on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let teacher: { personId: string; cpr: string };
  const db = () => t.database.db;
  const store = () => t.simulators.stores.get('esdh')!;

  /** Installs a copy of the personnel-file service that files at once (`kle` as given). */
  const install = async (id: string, kle: string | undefined) => {
    const { rows } = await db().execute<{ definition: Record<string, unknown> }>(sql`
      SELECT definition FROM services WHERE id = 'personalesag-indsigt' ORDER BY version DESC LIMIT 1`);
    const definition = { ...rows[0]!.definition, id, version: 1, process: FILING_PROCESS, kle };
    await db().execute(sql`
      INSERT INTO services (id, version, definition) VALUES (${id}, 1, ${JSON.stringify(definition)}::jsonb)`);
  };
  const submit = async (serviceId: string, fileName = 'advarsel.pdf') => {
    const upload = await t.as(leader, {
      method: 'POST',
      url: `/api/v1/attachments?fileName=${fileName}`,
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const created = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId,
        answers: {
          request: {
            person: teacher.personId,
            kind: 'file',
            document: [upload.json().id],
            purpose: 'Skriftlig påtale efter samtale',
          },
        },
        confirmNotDuplicate: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; number: string };
  };
  const caseRow = async (caseId: string) =>
    (
      await db().execute<{
        status: string;
        outcomeId: string | null;
        automation: string | null;
        reason: string | null;
      }>(sql`
        SELECT status, outcome_id AS "outcomeId", automation, automation_reason AS reason FROM cases WHERE id = ${caseId}`)
    ).rows[0]!;
  const filingStep = async (caseId: string) =>
    (
      await db().execute<{ id: string; status: string; data: Record<string, unknown> }>(sql`
        SELECT id, status, data FROM case_steps WHERE case_id = ${caseId} AND step_id = 'arkiv'`)
    ).rows[0]!;
  const filedFor = (caseNumber: string) =>
    store().find<GoDocument>('documents', (d) => d.metadata.ows_Indgangssag === caseNumber);
  /** Makes the case's failed job due again, as its back-off would after a while. */
  const retryNow = () =>
    db().execute(sql`UPDATE jobs SET run_at = now() WHERE done_at IS NULL AND dead_at IS NULL`);

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    const { rows } = await db().execute<{ personId: string; cpr: string }>(sql`
      SELECT p.id AS "personId", p.cpr FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = 'demo-medarbejder'`);
    // GetOrganized keeps CPR numbers as ten digits.
    teacher = { ...rows[0]!, cpr: rows[0]!.cpr.replace('-', '') };
    await install('personalesag-arkiv', '81.03.00-G01');
    await install('personalesag-uden-kle', undefined);
  }, 120_000);
  afterAll(() => t.close());
  beforeEach(() => t.simulators.faults.clear());

  it("files the case's record and its attachment in the subject's personnel file with the service's KLE number, and records where", async () => {
    const filed = await submit('personalesag-arkiv');
    await t.runJobs();
    expect(await caseRow(filed.id)).toMatchObject({
      status: 'resolved',
      outcomeId: 'filed',
      automation: 'full',
    });
    const [file] = store().find<GoCase>('cases', (c) => c.metadata.ows_CCMContactData_CPR === teacher.cpr);
    const documents = filedFor(filed.number);
    expect(documents.map((d) => [d.CaseID, d.metadata.ows_Dokumentart, d.metadata.ows_KLENummer])).toEqual([
      [file!.CaseID, 'Kvittering', '81.03.00-G01'],
      [file!.CaseID, 'Bilag', '81.03.00-G01'],
    ]);
    expect(documents[1]!.FileName).toBe('advarsel.pdf');
    expect(Buffer.from(documents[1]!.content!, 'base64').equals(PDF)).toBe(true);
    const record = Buffer.from(documents[0]!.content!, 'base64');
    expect(record.subarray(0, 5).toString()).toBe('%PDF-');
    const step = await filingStep(filed.id);
    expect(step.data).toMatchObject({
      sent: true,
      esdh: {
        caseNumber: file!.CaseID,
        documents: documents.map((d) => ({ documentId: String(d.DocID), fileName: d.FileName })),
      },
    });
    // The record says what the case was, by labels and names, as it was drawn for every retry.
    const prepared = step.data.prepared as { payload: { record: Record<string, unknown> } };
    expect(prepared.payload.record).toMatchObject({
      kind: 'Kvittering',
      caseNumber: filed.number,
      facts: expect.arrayContaining([
        ['Sagsnummer', filed.number],
        ['Enhed', expect.any(String)],
      ]),
      sections: [
        {
          title: 'Anmodningen',
          lines: expect.arrayContaining([
            ['Hvad drejer det sig om?', 'Dokument til personalesagen'],
            ['Dokument', 'advarsel.pdf'],
            ['Formål', 'Skriftlig påtale efter samtale'],
          ]),
        },
      ],
    });
    // What the step keeps names the person and the files; the CPR number and the bytes stay out.
    expect(JSON.stringify(step.data)).not.toContain(teacher.cpr);
    expect(JSON.stringify(step.data)).not.toContain(PDF.toString('base64'));
    // The external key is the step's call key and the document's place, so a retry finds each one.
    expect(documents.map((d) => d.metadata.ows_EksternReference)).toEqual([
      `step-${step.id}/dokument-0`,
      `step-${step.id}/dokument-1`,
    ]);
  });

  it('gives a second attachment of the same name in the same file a name of its own', async () => {
    const second = await submit('personalesag-arkiv');
    await t.runJobs();
    expect((await caseRow(second.id)).status).toBe('resolved');
    expect(filedFor(second.number).map((d) => d.FileName)).toContain('advarsel (2).pdf');
  });

  it('files once when GetOrganized times out and then answers', async () => {
    t.simulators.faults.plan({ system: 'esdh', operation: 'addDocument', fault: 'timeout', times: 1 });
    const slow = await submit('personalesag-arkiv', 'bevis.pdf');
    await t.runJobs();
    expect((await caseRow(slow.id)).status).not.toBe('resolved');
    expect(filedFor(slow.number)).toHaveLength(0);
    const [call] = (
      await db().execute<{ outcome: string }>(sql`
        SELECT outcome FROM connector_calls WHERE connector = 'esdh' AND case_id = ${slow.id} ORDER BY id`)
    ).rows;
    expect(call).toEqual({ outcome: 'timeout' });
    await retryNow();
    await t.runJobs();
    expect(await caseRow(slow.id)).toMatchObject({ status: 'resolved', outcomeId: 'filed' });
    expect(filedFor(slow.number).map((d) => d.metadata.ows_Dokumentart)).toEqual(['Kvittering', 'Bilag']);
  });

  it('files nothing twice when the answer was lost after GetOrganized stored the attachment', async () => {
    // The record's upload is stored by GetOrganized, but its answer never reaches the job.
    t.simulators.faults.plan({ system: 'esdh', operation: 'addDocument', fault: 'lost_answer', times: 1 });
    const lost = await submit('personalesag-arkiv', 'tabt.pdf');
    await t.runJobs();
    expect(filedFor(lost.number).map((d) => d.metadata.ows_Dokumentart)).toEqual(['Kvittering']);
    await retryNow();
    await t.runJobs();
    expect(await caseRow(lost.id)).toMatchObject({ status: 'resolved' });
    const documents = filedFor(lost.number);
    expect(documents.map((d) => d.metadata.ows_Dokumentart)).toEqual(['Kvittering', 'Bilag']);
    expect((await filingStep(lost.id)).data.esdh).toMatchObject({
      documents: documents.map((d) => ({ documentId: String(d.DocID) })),
    });
  });

  it("hands the case to a person with GetOrganized's own words when it refuses (no KLE number)", async () => {
    const refused = await submit('personalesag-uden-kle');
    await t.runJobs();
    const row = await caseRow(refused.id);
    expect(row).toMatchObject({ status: 'submitted', automation: 'failed' });
    expect(row.reason).toBe(
      'ESDH (personalesager) afviste: Du skal angive en værdi for det obligatoriske felt KLENummer.',
    );
    expect((await filingStep(refused.id)).status).toBe('cancelled');
    expect(filedFor(refused.number)).toHaveLength(0);
    const [call] = (
      await db().execute<{ outcome: string; errorText: string }>(sql`
        SELECT outcome, error_text AS "errorText" FROM connector_calls WHERE case_id = ${refused.id} AND connector = 'esdh'`)
    ).rows;
    expect(call).toEqual({
      outcome: 'refused',
      errorText: 'Du skal angive en værdi for det obligatoriske felt KLENummer.',
    });
  });

  it('hands the case to a person when the personnel file is closed in GetOrganized', async () => {
    const [file] = store().find<GoCase>('cases', (c) => c.metadata.ows_CCMContactData_CPR === teacher.cpr);
    store().put('cases', file!.CaseID, {
      ...file!,
      metadata: { ...file!.metadata, ows_CaseStatus: 'Afsluttet' },
    });
    try {
      const closed = await submit('personalesag-arkiv');
      await t.runJobs();
      const row = await caseRow(closed.id);
      expect(row.automation).toBe('failed');
      expect(row.reason).toBe(
        `ESDH (personalesager) afviste: Sagen '${file!.CaseID}' er afsluttet og kan ikke tilføjes dokumenter.`,
      );
    } finally {
      store().put('cases', file!.CaseID, file!);
    }
  });
});
