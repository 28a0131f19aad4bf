import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseTargets } from '@indgang/db';
import { newHireAnswers } from '../testing/newHireAnswers';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * What the server refuses and answers while a caseworker works a case: a return without a reason or
 * with an unfilled template field, an outcome not in the service's list, a reopening past its period;
 * and the queue's signs (the paused clock, the submitter's answer).
 */
describe.each(targets)('case work refusals and queue signs on $name', (target) => {
  let t: TestApp;
  let leader: TestClient;
  let caseworker: TestClient;
  let caseId: string;
  const view = async () =>
    (await t.as(caseworker, { method: 'GET', url: `/api/v1/backoffice/cases/${caseId}` })).json() as {
      version: number;
      status: string;
      clock: string;
      templates: Array<{ id: string; text: string; inputs: Array<{ id: string }> }>;
    };
  const act = (path: string, payload: object) =>
    t.as(caseworker, { method: 'POST', url: `/api/v1/backoffice/cases/${caseId}/${path}`, payload });
  const queueItem = async () =>
    (
      (
        await t.as(caseworker, { method: 'GET', url: '/api/v1/backoffice/queue?teamId=okf-ks-lon1' })
      ).json() as Array<{ id: string; clock: string; submitterActivity: { type: string } | null }>
    ).find((c) => c.id === caseId);

  beforeAll(async () => {
    t = await createTestApp(target);
    leader = await t.login('demo-leder');
    caseworker = await t.login('demo-sagsbehandler-loen');
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
        answers: newHireAnswers({
          position: { startDate: '2027-08-01' },
          certificates: { worksWithChildren: 'yes', youngestChildAge: '6' },
          documents: { education: [await upload()] },
        }),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().id;
  });
  afterAll(() => t.close());

  it('refuses a return without a reason with one message at the reason, not an unknown reason', async () => {
    const refused = await act('return', {
      reasonCode: '',
      message: 'Vi mangler beviset.',
      expectedVersion: (await view()).version,
    });
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error.code).toBe('reason_missing');
    expect(error.fields).toEqual([
      {
        path: 'reasonCode',
        message: {
          da: 'Vælg en årsag til, at sagen sendes retur.',
          en: 'Choose a reason for returning the case.',
        },
      },
    ]);
    expect(refused.body).not.toContain('Ukendt');
  });

  it('refuses a template text with an unfilled field, naming it, on a return, a message and a resolution', async () => {
    const current = await view();
    const template = current.templates.find((x) => x.id === 'missing-document')!;
    // The case's merge fields are filled in; what the caseworker must write is left as an input.
    expect(template.text).not.toContain('{{case.number}}');
    expect(template.inputs.map((i) => i.id)).toEqual(['document']);
    for (const [path, payload] of [
      ['return', { reasonCode: 'missing-document', message: template.text }],
      ['messages', { body: template.text }],
      ['resolve', { outcomeId: 'created', reply: template.text }],
    ] as const) {
      const refused = await act(path, { ...payload, expectedVersion: current.version });
      expect(refused.statusCode, path).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'template_unfilled' });
      expect(refused.json().error.message.da).toContain('{{document}}');
      expect(refused.json().error.message.en).toContain('{{document}}');
    }
    expect((await view()).version).toBe(current.version);
  });

  it('pauses the clock on a return, marks the answer in the queue and clears the mark when the caseworker acts', async () => {
    expect((await queueItem())?.submitterActivity).toBeNull();
    const returned = await act('return', {
      reasonCode: 'missing-document',
      message: 'Vi mangler et læsbart eksamensbevis.',
      expectedVersion: (await view()).version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await queueItem()).toMatchObject({ clock: 'paused', submitterActivity: null });
    // Sent again with the version it was read at: refused, not a second return.
    const twice = await act('return', {
      reasonCode: 'missing-document',
      message: 'Vi mangler et læsbart eksamensbevis.',
      expectedVersion: returned.json().version,
    });
    expect(twice.statusCode).toBe(409);
    await t.as(leader, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      payload: { body: 'Her er det.', attachmentIds: [] },
    });
    expect(await queueItem()).toMatchObject({ clock: 'running', submitterActivity: { type: 'answered' } });
    await act('notes', { body: 'Set.' });
    expect((await queueItem())?.submitterActivity).toBeNull();
  });

  it("resolves only with one of the service's outcomes and shows its label to the submitter", async () => {
    const unknown = await act('resolve', {
      outcomeId: 'no-such-outcome',
      reply: 'Færdig.',
      expectedVersion: (await view()).version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('outcomeId');
    const resolved = await act('resolve', {
      outcomeId: 'created',
      reply: 'Færdig.',
      expectedVersion: (await view()).version,
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const portal = (await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(portal.outcome).toEqual({
      id: 'created',
      label: {
        da: 'Ansættelsen er oprettet i lønsystemet',
        en: 'The employment is set up in the payroll system',
      },
    });
    expect(portal.reopenUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses reopening past the period, naming the last day it could have been', async () => {
    await t.database.db.execute(
      sql`UPDATE cases SET resolved_at = now() - interval '90 days' WHERE id = ${caseId}`,
    );
    const portal = (await t.as(leader, { method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(portal.reopenUntil < new Date().toISOString().slice(0, 10)).toBe(true);
    const refused = await t.as(leader, {
      method: 'POST',
      url: `/api/v1/cases/${caseId}/reopen`,
      payload: { reason: 'Der mangler noget.' },
    });
    expect(refused.statusCode).toBe(409);
    const [y, m, d] = (portal.reopenUntil as string).split('-').map(Number);
    expect(refused.json().error.message.da).toBe(
      `Sagen kunne genåbnes til og med ${d}.${m}.${y}. Opret en ny sag.`,
    );
  });
});
