import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { ConnectorError, type ConnectorCall } from '@indgang/domain';
import { createTestApp, type TestApp } from '../../testing/createTestApp';
import type { GoCase, GoDocument } from '../../simulators/esdh/getOrganizedSimulator';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** Test CPR numbers use day 00, which no real person has. */
const NEW_HIRE = { cpr: '0001901234', name: 'Nanna Nyansat' };

const call = (key: string): ConnectorCall => ({ key, signal: AbortSignal.timeout(10_000) });
const document = (caseNumber: string) => ({
  caseNumber,
  title: 'Ansættelsesbrev',
  documentDate: '2026-02-01',
  kle: '81.03.00-G01',
  kind: 'Ansættelsesbrev',
  visibleToEmployee: true,
  fileName: 'ansaettelsesbrev.pdf',
  contentType: 'application/pdf',
  content: PDF,
  sourceCase: 'IND-2026-000001',
});

/**
 * The GetOrganized client against the simulated GetOrganized: personnel files found by CPR, a
 * document filed once per call key even when the answer is lost or the call times out, refusals
 * in GetOrganized's own words, and the demo people's files.
 */
describe.each(targets)('the ESDH connector (GetOrganized) against its simulator on $name', (target) => {
  let t: TestApp;
  const esdh = () => t.connectors.esdh;
  const store = () => t.simulators.stores.get('esdh')!;
  const casesOf = (cpr: string) =>
    store().find<GoCase>('cases', (c) => c.metadata.ows_CCMContactData_CPR === cpr);

  beforeAll(async () => {
    t = await createTestApp(target);
  }, 120_000);
  afterAll(() => t.close());
  beforeEach(() => t.simulators.faults.clear());

  it('finds or creates a personnel file by CPR: asked twice, there is one file', async () => {
    expect(await esdh().findPersonnelFile({ cpr: NEW_HIRE.cpr }, call('find-1'))).toBeNull();
    const first = await esdh().findOrCreatePersonnelFile(NEW_HIRE, call('file-1'));
    expect(first.caseNumber).toMatch(/^PER-\d{4}-\d{6}$/);
    const second = await esdh().findOrCreatePersonnelFile(NEW_HIRE, call('file-2'));
    expect(second).toEqual(first);
    expect(casesOf(NEW_HIRE.cpr)).toHaveLength(1);
    expect(casesOf(NEW_HIRE.cpr)[0]!.metadata).toMatchObject({
      ows_CaseCategory: 'Personalesag',
      ows_KLENummer: '81.03.00',
      ows_CCMContactData_CPR: NEW_HIRE.cpr,
    });
  });

  it('creates no second file when the answer to the create was lost', async () => {
    const hire = { cpr: '0002901234', name: 'Bo Borte' };
    t.simulators.faults.plan({ system: 'esdh', operation: 'createCase', fault: 'lost_answer', times: 1 });
    await expect(esdh().findOrCreatePersonnelFile(hire, call('lost-create'))).rejects.toBeInstanceOf(
      ConnectorError,
    );
    expect(casesOf(hire.cpr)).toHaveLength(1); // GetOrganized made it; the answer never came
    const retried = await esdh().findOrCreatePersonnelFile(hire, call('lost-create'));
    expect(retried.caseNumber).toBe(casesOf(hire.cpr)[0]!.CaseID);
    expect(casesOf(hire.cpr)).toHaveLength(1);
  });

  it('files a document once when the answer was lost after it was stored, and the retry answers the same document', async () => {
    const file = await esdh().findOrCreatePersonnelFile(NEW_HIRE, call('file-3'));
    t.simulators.faults.plan({ system: 'esdh', operation: 'addDocument', fault: 'lost_answer', times: 1 });
    const lost = await esdh()
      .fileDocument(document(file.caseNumber), call('step-lost'))
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ConnectorError);
    expect((lost as ConnectorError).outcome).not.toBe('refused');
    const stored = store().find<GoDocument>(
      'documents',
      (d) => d.metadata.ows_EksternReference === 'step-lost',
    );
    expect(stored).toHaveLength(1);

    const retried = await esdh().fileDocument(document(file.caseNumber), call('step-lost'));
    expect(retried.documentId).toBe(String(stored[0]!.DocID));
    expect(
      store().find<GoDocument>('documents', (d) => d.metadata.ows_EksternReference === 'step-lost'),
    ).toHaveLength(1);
    // Another piece of work (another key) is another document, as GetOrganized itself never dedupes.
    const other = await esdh().fileDocument(document(file.caseNumber), call('step-other'));
    expect(other.documentId).not.toBe(retried.documentId);
    // GetOrganized refuses a second file of the same name: the client gives it one of its own.
    expect(other.fileName).toBe('ansaettelsesbrev (2).pdf');
  });

  it('times out when GetOrganized does not answer, and files once when tried again', async () => {
    const file = await esdh().findOrCreatePersonnelFile(NEW_HIRE, call('file-4'));
    t.simulators.faults.plan({ system: 'esdh', operation: 'addDocument', fault: 'timeout', times: 1 });
    const timedOut = await esdh()
      .fileDocument(document(file.caseNumber), call('step-slow'))
      .catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ outcome: 'timeout' });
    const filed = await esdh().fileDocument(document(file.caseNumber), call('step-slow'));
    expect(
      store().find<GoDocument>('documents', (d) => d.metadata.ows_EksternReference === 'step-slow'),
    ).toEqual([expect.objectContaining({ DocID: Number(filed.documentId), CaseID: file.caseNumber })]);
  });

  it("refuses a document without a KLE number, or for a case it does not know, in GetOrganized's words", async () => {
    const file = await esdh().findOrCreatePersonnelFile(NEW_HIRE, call('file-5'));
    const noKle = await esdh()
      .fileDocument({ ...document(file.caseNumber), kle: '' }, call('step-nokle'))
      .catch((e: unknown) => e);
    expect(noKle).toMatchObject({
      outcome: 'refused',
      code: 'getorganized_400',
      systemText: 'Du skal angive en værdi for det obligatoriske felt KLENummer.',
    });
    const unknown = await esdh()
      .fileDocument(document('PER-1999-999999'), call('step-unknown'))
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      outcome: 'refused',
      code: 'getorganized_404',
      systemText: "Sagen 'PER-1999-999999' findes ikke.",
    });
  });

  it("lists a personnel file's documents newest first and reads one, with the case it lies in", async () => {
    const listed = await esdh().listDocuments({ cpr: NEW_HIRE.cpr }, call('list-1'));
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed[0]).toMatchObject({
      title: 'Ansættelsesbrev',
      kle: '81.03.00-G01',
      kind: 'Ansættelsesbrev',
      visibleToEmployee: true,
      sourceCase: 'IND-2026-000001',
      fileName: expect.stringMatching(/^ansaettelsesbrev \(\d\)\.pdf$/),
    });
    const read = await esdh().readDocument({ documentId: listed[0]!.documentId }, call('read-1'));
    expect(read).toMatchObject({
      fileName: listed[0]!.fileName,
      contentType: 'application/pdf',
      caseNumber: listed[0]!.caseNumber,
      visibleToEmployee: true,
    });
    expect(read.content.equals(PDF)).toBe(true);
    expect(await esdh().listDocuments({ cpr: '0003901234' }, call('list-none'))).toEqual([]);
    await expect(esdh().readDocument({ documentId: '1' }, call('read-none'))).rejects.toMatchObject({
      outcome: 'refused',
      code: 'getorganized_404',
    });
  });

  it("holds the demo people's personnel files with clearly fake PDFs, and an internal note the employee does not see", async () => {
    const { rows } = await t.database.pool.query<{ cpr: string }>(
      `SELECT p.cpr FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = 'demo-medarbejder'`,
    );
    const listed = await esdh().listDocuments({ cpr: rows[0]!.cpr }, call('list-demo'));
    expect(listed.map((d) => d.kind).sort()).toEqual(['Ansættelsesbrev', 'Lønaftale', 'Notat']);
    expect(listed.find((d) => d.kind === 'Notat')!.visibleToEmployee).toBe(false);
    const letter = listed.find((d) => d.kind === 'Ansættelsesbrev')!;
    const read = await esdh().readDocument({ documentId: letter.documentId }, call('read-demo'));
    expect(read.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(read.content.toString('latin1')).toContain('Eksempel Kommune');
  });
});
