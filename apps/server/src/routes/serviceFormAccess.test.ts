import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

/**
 * What the service form in the browser relies on to offer only what a user may do: `me.readOnly`
 * (the auditor is shown the form without fields to fill, a draft to save or a send button, because
 * the server refuses each of them with a clear message) and `org.read` among `me.permissions` (an
 * employee is offered only herself in a person field, because the search is refused her and the
 * server accepts her own person).
 */
describe.each(await testDatabaseTargets())('the service form by who may do what ($name)', (target) => {
  let t: TestApp;
  let auditor: TestClient;
  let employee: TestClient;

  beforeAll(async () => {
    t = await createTestApp(target);
    auditor = await t.login('demo-revisor');
    employee = await t.login('demo-medarbejder');
  });
  afterAll(() => t.close());

  it('shows the auditor the form and refuses her draft and her case, saying her role is read-only', async () => {
    const me = (await t.as(auditor, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me).toMatchObject({ readOnly: true, mayChange: [] });
    const form = await t.as(auditor, { method: 'GET', url: '/api/v1/catalog/services/koerselsgodtgoerelse' });
    expect(form.statusCode).toBe(200);
    expect(form.json().draft).toBeNull();

    const draft = await t.as(auditor, {
      method: 'PUT',
      url: '/api/v1/catalog/services/koerselsgodtgoerelse/draft',
      payload: { answers: { trips: [{ from: 'Rådhuset' }] } },
    });
    expect(draft.statusCode).toBe(403);
    expect(draft.json().error).toMatchObject({
      code: 'read_only',
      message: { da: 'Din rolle må kun læse.', en: 'Your role is read-only.' },
    });
    const submitted = await t.as(auditor, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'koerselsgodtgoerelse',
        answers: {
          trips: [{ date: '2026-11-02', from: 'Rådhuset', to: 'Skolen', km: '4', purpose: 'Revision' }],
        },
      },
    });
    expect(submitted.statusCode).toBe(403);
    expect(submitted.json().error.code).toBe('read_only');
    // Nothing was stored: the form still opens without a draft.
    const again = await t.as(auditor, {
      method: 'GET',
      url: '/api/v1/catalog/services/koerselsgodtgoerelse',
    });
    expect(again.json().draft).toBeNull();
  });

  it('lets an employee name herself in a person field, the one person she may, and not search others', async () => {
    const me = (await t.as(employee, { method: 'GET', url: '/api/v1/me' })).json();
    expect(me.readOnly).toBe(false);
    expect(me.permissions).not.toContain('org.read');
    expect(me.personId).toEqual(expect.any(String));
    const search = await t.as(employee, { method: 'GET', url: '/api/v1/org/persons?q=Hansen' });
    expect(search.statusCode).toBe(403);

    const draft = await t.as(employee, {
      method: 'PUT',
      url: '/api/v1/catalog/services/personalesag-indsigt/draft',
      payload: { answers: { request: { person: me.personId } } },
    });
    expect(draft.statusCode).toBe(200);
    const created = await t.as(employee, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        serviceId: 'personalesag-indsigt',
        answers: {
          request: { person: me.personId, kind: 'insight', purpose: 'Jeg vil se mine oplysninger.' },
        },
      },
    });
    expect(created.statusCode).toBe(201);
  });
});
