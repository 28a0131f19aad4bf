import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import type { MailMessage } from '@indgang/domain';
import { newHireAnswers } from '../testing/newHireAnswers';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(targets)('cases end to end on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let deputy: TestClient;
  let otherLeader: TestClient;
  let employee: TestClient;
  let caseworker: TestClient;
  let hr: TestClient;
  const mails: MailMessage[] = [];
  const runMail = () => t.runJobs({ send: async (m) => void mails.push(m) });

  const upload = (client: TestClient, content = PDF, type = 'application/pdf', fileName = 'samtykke.pdf') =>
    t.as(client, {
      method: 'POST',
      url: `/api/v1/attachments?fileName=${encodeURIComponent(fileName)}`,
      headers: { 'content-type': type },
      payload: content,
    });

  /** A civil servant's hire: its terms wait for a caseworker (the decision table `ansaettelsesvilkaar`). */
  const hire = (education: string[], cpr = '000190-0001') =>
    newHireAnswers({
      person: { cpr },
      position: { startDate: '2027-08-01', employmentForm: 'tjenestemand' },
      pay: { pension: 'civilServant' },
      certificates: { worksWithChildren: 'yes', youngestChildAge: '6' },
      documents: { education },
    });

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    deputy = await t.login('demo-stedfortraeder');
    otherLeader = await t.login('demo-leder-pleje');
    employee = await t.login('demo-medarbejder');
    caseworker = await t.login('demo-sagsbehandler-loen');
    hr = await t.login('demo-sagsbehandler-hr');
  });
  afterAll(() => t.close());

  it('finds services by Danish full-text search, inflections included, and only those the role may use', async () => {
    const found = (
      await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services?q=ansættelser' })
    ).json();
    expect(found.services.map((s: { id: string }) => s.id)).toContain('ansaettelse');
    const all = (await t.as(leader, { method: 'GET', url: '/api/v1/catalog/services' })).json();
    expect(all.services.length).toBe(10);
    expect(all.persona).toMatchObject({ administration: 'BUF', experience: 'new' });
    const forEmployee = (await t.as(employee, { method: 'GET', url: '/api/v1/catalog/services' })).json();
    expect(forEmployee.services.map((s: { id: string }) => s.id).sort()).toEqual([
      'koerselsgodtgoerelse',
      'personalesag-indsigt',
      'udlaeg',
    ]);
    expect(
      (await t.as(employee, { method: 'GET', url: '/api/v1/catalog/services/ansaettelse' })).statusCode,
    ).toBe(404);
  });

  let caseId = '';
  let caseNumber = '';

  it('refuses a new hire without the diploma, then takes it with one and sends a receipt', async () => {
    const missing = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId: 'ansaettelse', answers: hire([]) },
    });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().error.fields.map((f: { message: { da: string } }) => f.message.da);
    expect(fields).toEqual(['Dokumentation mangler: Eksamensbevis eller uddannelsesdokumentation.']);
    const education = (await upload(leader, PDF, 'application/pdf', 'eksamen.pdf')).json();
    const answers = hire([education.id]);
    const created = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId: 'ansaettelse', answers },
    });
    expect(created.statusCode, created.body).toBe(201);
    ({ id: caseId, number: caseNumber } = created.json());
    expect(caseNumber).toMatch(/^IND-\d{4}-\d{6}$/);
    expect(created.json().teamId).toBe('okf-ks-lon1');
    await runMail();
    expect(mails.at(-1)).toMatchObject({
      to: expect.stringContaining('@'),
      subject: expect.stringContaining(caseNumber),
    });
  });

  it('warns about a duplicate of an open case and points to it', async () => {
    const again = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId: 'ansaettelse', answers: hire([]) },
    });
    expect(again.statusCode).toBe(400); // documents are checked first
    const education = (await upload(leader)).json();
    const answers = hire([education.id]);
    const duplicate = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { serviceId: 'ansaettelse', answers },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'duplicate_case', data: { caseId, caseNumber } });
  });

  it("shows the case to its submitter and the unit's deputy, and to nobody else in the portal", async () => {
    const mine = (await t.as(leader, { method: 'GET', url: '/api/v1/cases' })).json().items;
    expect(mine[0]).toMatchObject({ number: caseNumber, status: 'submitted', subject: 'Ny Lærer' });
    expect(mine[0].step.da).toContain('modtaget');
    const portfolio = (await t.as(deputy, { method: 'GET', url: '/api/v1/cases?view=units' })).json().items;
    expect(portfolio.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await t.as(otherLeader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    expect((await t.as(employee, { method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    expect(
      (await t.as(otherLeader, { method: 'GET', url: '/api/v1/cases?view=units' })).json(),
    ).toMatchObject({
      items: [],
      total: 0,
    });
    expect(
      (await t.as(leader, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })).statusCode,
    ).toBe(403);
    const attachment = (await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json()
      .attachments[0].id;
    expect(
      (await t.as(otherLeader, { method: 'GET', url: `/api/v1/attachments/${attachment}` })).statusCode,
    ).toBe(404);
    expect((await t.as(deputy, { method: 'GET', url: `/api/v1/attachments/${attachment}` })).statusCode).toBe(
      200,
    );
  });

  it('lets the caseworker pick it, return it for a document, and keeps notes out of the portal', async () => {
    const queue = (
      await t.as(caseworker, { method: 'GET', url: '/api/v1/backoffice/queue?teamId=okf-ks-lon1' })
    ).json();
    expect(queue.map((c: { id: string }) => c.id)).toContain(caseId);
    const picked = (
      await t.as(caseworker, { method: 'POST', url: '/api/v1/backoffice/queue/okf-ks-lon1/next' })
    ).json();
    expect(picked.case.id).toBe(caseId);
    const view = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })
    ).json();
    expect(view).toMatchObject({ status: 'in_progress', unit: { id: 'buf-001' } });
    expect(view.templates[0].text).toContain(caseNumber);
    expect(view.anchors).toHaveLength(1); // the anchor person for new hires
    const memberIds = view.teamMembers.map((m: { id: string }) => m.id);
    expect(new Set(memberIds).size).toBe(memberIds.length); // a caseworker who is also an anchor is listed once
    await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/notes`,
      payload: { body: 'HEMMELIG intern vurdering' },
    });
    const current = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })
    ).json();
    const returned = await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/return`,
      payload: {
        reasonCode: 'missing-document',
        message: 'Vi mangler eksamensbeviset i læsbar form.',
        expectedVersion: current.version,
      },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const portal = await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` });
    expect(portal.json()).toMatchObject({ status: 'awaiting_submitter' });
    expect(portal.body).toContain('Vi mangler eksamensbeviset');
    expect(portal.body).not.toContain('HEMMELIG');
    expect((await t.as(deputy, { method: 'GET', url: '/api/v1/cases?view=units' })).body).not.toContain(
      'HEMMELIG',
    );
    await runMail();
    expect(mails.at(-1)!.text).toContain('Manglende dokumentation');
    const stats = (await t.as(caseworker, { method: 'GET', url: '/api/v1/backoffice/returns' })).json();
    expect(stats).toEqual([
      {
        reason: 'missing-document',
        reasonLabel: { da: 'Manglende dokumentation', en: 'Missing documentation' },
        serviceId: 'ansaettelse',
        serviceName: expect.objectContaining({ da: 'Ansættelse af ny medarbejder' }),
        unitName: expect.any(String),
        returns: 1,
      },
    ]);
  });

  it("refuses a stale edit from a second caseworker and keeps the first one's work", async () => {
    const before = (await t.as(hr, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })).json();
    await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/messages`,
      payload: { body: 'Husk også timetallet.', expectedVersion: before.version },
    });
    const stale = await t.as(hr, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/resolve`,
      payload: { outcome: 'Oprettet', reply: 'Færdig', expectedVersion: before.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message.da).toContain('ændret af en anden');
    expect((await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json().status).toBe(
      'awaiting_submitter',
    );
  });

  it("takes the leader's answer into the same case and resumes the clock", async () => {
    const file = (await upload(leader, PDF, 'application/pdf', 'eksamensbevis.pdf')).json();
    const answered = await t.as(leader, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      payload: { body: 'Her er beviset.', attachmentIds: [file.id] },
    });
    expect(answered.json()).toMatchObject({ status: 'in_progress' });
    const portal = (await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(portal.timeline.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'step', // the process decided whether HR checks the terms (a civil servant: yes)
      'step', // and whether the hire needs a child certificate
      'status',
      'returned',
      'message_to_submitter',
      'answered',
    ]);
    expect(portal.attachments).toHaveLength(2); // the diploma and the answer's file
    const cases = (await t.as(leader, { method: 'GET', url: '/api/v1/cases' })).json().items;
    expect(cases.filter((c: { number: string }) => c.number === caseNumber)).toHaveLength(1);
  });

  it('resolves the case with a reply the leader sees and gets by mail', async () => {
    const current = (
      await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })
    ).json();
    // An outcome that ends the case at the caseworker's step (a hire she lets through goes on to
    // payroll and the other systems first).
    const first = (current.definition.outcomes as Array<{ id: string; label: unknown }>).find(
      (o) => o.id === 'rejected',
    );
    const resolved = await t.as(caseworker, {
      method: 'POST',
      url: `/api/v1/backoffice/cases/${caseId}/resolve`,
      payload: {
        ...(first ? { outcomeId: first.id } : { outcome: 'Afvist' }),
        reply: 'Stillingen kan ikke besættes som tjenestemandsstilling.',
        expectedVersion: current.version,
      },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const portal = (await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(portal).toMatchObject({
      status: 'resolved',
      outcome: first ? { id: first.id, label: first.label } : { id: null, label: 'Afvist' },
      clock: 'stopped',
      workingDaysLeft: null,
    });
    expect(portal.step.da).toBe('Sagen er afsluttet. Resultatet står på sagen.');
    await runMail();
    expect(mails.at(-1)!.subject).toBe(`Sag ${caseNumber} er løst`);
  });

  it('refuses files of the wrong type, with a lying extension, or empty', async () => {
    expect((await upload(leader, Buffer.from('<html>'), 'text/html')).statusCode).toBe(415);
    const lying = await upload(leader, Buffer.from('not a pdf at all'), 'application/pdf');
    expect(lying.statusCode).toBe(400);
    expect(lying.json().error.message.da).toContain('passer ikke');
    expect((await upload(leader, Buffer.alloc(0), 'application/pdf')).statusCode).toBe(400);
  });

  it('refuses invalid answers field by field', async () => {
    const bad = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'koerselsgodtgoerelse',
        answers: { trips: [{ date: '2026-02-30', from: 'A', to: 'B', km: 'mange', purpose: '' }], extra: {} },
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['extra', 'trips[0].date', 'trips[0].km', 'trips[0].purpose']),
    );
  });
});
