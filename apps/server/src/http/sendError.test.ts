import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const [pglite] = await testDatabaseTargets();

describe('bad input', () => {
  let t: TestApp;
  let leader: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(pglite!);
    leader = await t.login('demo-leder');
    admin = await t.login('demo-admin');
  });
  afterAll(() => t.close());

  const cases: Array<
    [
      string,
      () => TestClient,
      {
        method: 'GET' | 'POST' | 'PUT' | 'DELETE';
        url: string;
        payload?: string | object;
        headers?: Record<string, string>;
      },
    ]
  > = [
    [
      'malformed JSON',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/delegations',
        payload: '{"toPersonId": ',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'JSON of the wrong shape',
      () => leader,
      { method: 'POST', url: '/api/v1/delegations', payload: [1, 2, 3] },
    ],
    ['missing fields', () => leader, { method: 'POST', url: '/api/v1/delegations', payload: {} }],
    [
      'unknown fields',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/delegations',
        payload: {
          toPersonId: 'p-100004',
          unitId: 'buf-001',
          validFrom: '2026-01-01',
          validTo: '2026-02-01',
          admin: true,
        },
      },
    ],
    [
      'an impossible date',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/delegations',
        payload: {
          toPersonId: 'p-100004',
          unitId: 'buf-001',
          validFrom: '2026-02-30',
          validTo: '2026-03-01',
        },
      },
    ],
    [
      'an end before the start',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/delegations',
        payload: {
          toPersonId: 'p-100004',
          unitId: 'buf-001',
          validFrom: '2026-03-01',
          validTo: '2026-02-01',
        },
      },
    ],
    ['an id with path characters', () => leader, { method: 'GET', url: '/api/v1/org/units/..%2F..%2Fetc' }],
    ['an overlong id', () => leader, { method: 'GET', url: `/api/v1/org/persons/${'x'.repeat(500)}` }],
    ['a search too short', () => leader, { method: 'GET', url: '/api/v1/org/persons?q=a' }],
    [
      'an unknown query parameter',
      () => leader,
      { method: 'GET', url: '/api/v1/org/persons/p-100001?reveal=everything' },
    ],
    ['a negative audit page', () => admin, { method: 'GET', url: '/api/v1/audit?beforeSeq=-4&limit=abc' }],
    [
      'a login with no user',
      () => leader,
      { method: 'POST', url: '/auth/demo-login', payload: { userId: 'demo-nobody' } },
    ],
    [
      'a language that does not exist',
      () => leader,
      { method: 'PUT', url: '/api/v1/me/locale', payload: { locale: 'klingon' } },
    ],
    ['an unknown address', () => leader, { method: 'GET', url: '/api/v1/nothing-here' }],
    [
      'a body that is too large',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/delegations',
        payload: JSON.stringify({ toPersonId: 'x'.repeat(2_000_000) }),
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'an import whose JSON is not an object',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/org/imports',
        payload: '"units"',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'an import with an unclosed quote',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/org/imports',
        payload: 'unit_id;unit_name;unit_kind\n"x;X;office',
        headers: { 'content-type': 'text/csv' },
      },
    ],
    [
      'answers that are a list',
      () => leader,
      { method: 'POST', url: '/api/v1/cases', payload: { serviceId: 'fravaer', answers: [1, 2] } },
    ],
    [
      'a section of the wrong shape',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases',
        payload: { serviceId: 'fravaer', answers: { absence: 'sygdom' } },
      },
    ],
    [
      'an unknown service',
      () => leader,
      { method: 'POST', url: '/api/v1/cases', payload: { serviceId: 'findes-ikke', answers: {} } },
    ],
    [
      'a flag that is not a boolean',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases',
        payload: { serviceId: 'fravaer', answers: {}, confirmNotDuplicate: 'ja' },
      },
    ],
    ['a case id that is not a uuid', () => leader, { method: 'GET', url: '/api/v1/cases/IND-2026-000001' }],
    [
      'a message to a case that does not exist',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/messages',
        payload: { body: 'Hej' },
      },
    ],
    [
      'a file without a name',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/attachments',
        payload: '%PDF-1.4',
        headers: { 'content-type': 'application/pdf' },
      },
    ],
    [
      'a file sent as JSON',
      () => leader,
      { method: 'POST', url: '/api/v1/attachments?fileName=x.pdf', payload: { file: 'x' } },
    ],
    [
      'a negative case version',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/backoffice/cases/00000000-0000-4000-8000-000000000000/resolve',
        payload: { outcome: 'x', reply: 'y', expectedVersion: -1 },
      },
    ],
    [
      'a queue of a team id with path characters',
      () => admin,
      { method: 'POST', url: '/api/v1/backoffice/queue/..%2Fx/next' },
    ],
    [
      'a file on a route that takes none',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases',
        payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        headers: { 'content-type': 'image/jpeg' },
      },
    ],
    [
      'a workbook on a route that takes none',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/programmes',
        payload: Buffer.from('PK'),
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      },
    ],
    [
      'a draft that is not an object',
      () => leader,
      { method: 'PUT', url: '/api/v1/catalog/services/fravaer/draft', payload: { answers: 'tekst' } },
    ],
  ];

  it.each(cases)('answers %s with a 4xx in Danish and English', async (_name, who, request) => {
    const before = (
      await t.database.pool.query(
        'SELECT (SELECT count(*) FROM delegations)::int AS d, (SELECT count(*) FROM org_units)::int AS u',
      )
    ).rows[0];
    const response = await t.as(who(), request);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    const { error } = response.json();
    expect(error.message.da.length).toBeGreaterThan(5);
    expect(error.message.en.length).toBeGreaterThan(5);
    expect(error.message.da).not.toBe(error.message.en);
    expect(
      (
        await t.database.pool.query(
          'SELECT (SELECT count(*) FROM delegations)::int AS d, (SELECT count(*) FROM org_units)::int AS u',
        )
      ).rows[0],
    ).toEqual(before);
  });

  const nul = 'Hansen\u0000';
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const edgeCases: Array<
    [
      string,
      () => TestClient,
      {
        method: 'GET' | 'POST' | 'PUT';
        url: string;
        payload?: string | object;
        headers?: Record<string, string>;
      },
      string,
    ]
  > = [
    [
      'a person search',
      () => leader,
      { method: 'GET', url: '/api/v1/org/persons?q=Han%00sen' },
      'unstorable_character',
    ],
    [
      'a case search',
      () => leader,
      { method: 'GET', url: '/api/v1/cases?view=mine&q=%00' },
      'unstorable_character',
    ],
    [
      'a catalogue search',
      () => leader,
      { method: 'GET', url: '/api/v1/catalog/services?q=ferie%00' },
      'unstorable_character',
    ],
    [
      'an audit filter',
      () => admin,
      { method: 'GET', url: '/api/v1/audit?action=case.read%00' },
      'unstorable_character',
    ],
    [
      'a benefit people search',
      () => admin,
      { method: 'GET', url: '/api/v1/benefits/people?q=an%00' },
      'unstorable_character',
    ],
    [
      'a path parameter',
      () => leader,
      { method: 'GET', url: '/api/v1/org/persons/p-1%00' },
      'unstorable_character',
    ],
    [
      'a draft',
      () => leader,
      {
        method: 'PUT',
        url: '/api/v1/catalog/services/fravaer/draft',
        payload: { answers: { absence: { note: nul } } },
      },
      'unstorable_character',
    ],
    [
      'a submission',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases',
        payload: { serviceId: 'fravaer', answers: { absence: { note: nul } } },
      },
      'unstorable_character',
    ],
    [
      'a key in a submission',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases',
        payload: '{"serviceId":"fravaer","answers":{"a\\u0000b":{}}}',
        headers: { 'content-type': 'application/json' },
      },
      'unstorable_character',
    ],
    [
      'a portal message',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/messages',
        payload: { body: nul },
      },
      'unstorable_character',
    ],
    [
      'a case note',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/backoffice/cases/00000000-0000-4000-8000-000000000000/notes',
        payload: { body: nul },
      },
      'unstorable_character',
    ],
    [
      'a programme name',
      () => admin,
      { method: 'POST', url: '/api/v1/programmes', payload: { name: nul, description: '' } },
      'unstorable_character',
    ],
    [
      'an organisation file',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/org/imports',
        payload: 'unit_id;unit_name;unit_kind\nx\u0000;X;office',
        headers: { 'content-type': 'text/csv' },
      },
      'unstorable_character',
    ],
    [
      'half a surrogate pair in a submission',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/cases',
        payload: '{"serviceId":"fravaer","answers":{"absence":{"note":"A\\ud800"}}}',
        headers: { 'content-type': 'application/json' },
      },
      'unstorable_character',
    ],
    [
      'half a surrogate pair in a draft',
      () => leader,
      {
        method: 'PUT',
        url: '/api/v1/catalog/services/fravaer/draft',
        payload: '{"answers":{"absence":{"note":"\\udc00x"}}}',
        headers: { 'content-type': 'application/json' },
      },
      'unstorable_character',
    ],
    [
      'a year that does not exist',
      () => leader,
      {
        method: 'POST',
        url: '/api/v1/delegations',
        payload: {
          toPersonId: 'p-100004',
          unitId: 'buf-001',
          validFrom: '0000-01-01',
          validTo: '0000-01-02',
        },
      },
      'invalid_input',
    ],
    [
      'an impossible measurement date',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/kpis/00000000-0000-4000-8000-000000000000/measurements',
        payload: { measuredOn: '2026-13-45', value: '1', kind: 'actual' },
      },
      'invalid_input',
    ],
    [
      'a draft nested 5,000 levels',
      () => leader,
      {
        method: 'PUT',
        url: '/api/v1/catalog/services/fravaer/draft',
        payload: `{"answers":${deep(5000)}}`,
        headers: { 'content-type': 'application/json' },
      },
      'json_too_deep',
    ],
    [
      'a business case nested 5,000 levels',
      () => admin,
      {
        method: 'POST',
        url: '/api/v1/business-cases/evaluate',
        payload: `{"lines":${deep(5000)}}`,
        headers: { 'content-type': 'application/json' },
      },
      'json_too_deep',
    ],
  ];

  it.each(edgeCases)(
    'refuses unstorable text, impossible dates or deep nesting in %s with a 400 in both languages',
    async (_name, who, request, code) => {
      const response = await t.as(who(), request);
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe(code);
      expect(error.message.da).not.toBe(error.message.en);
    },
  );

  it("refuses a state change without the session's CSRF token", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/delegations',
      headers: { cookie: leader.cookie },
      payload: { toPersonId: 'p-100004', unitId: 'buf-001', validFrom: '2026-01-01', validTo: '2026-02-01' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: leader.cookie, 'x-csrf-token': 'guess' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('ends the session at logout', async () => {
    const client = await t.login('demo-medarbejder');
    expect((await t.as(client, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    const out = await t.as(client, { method: 'POST', url: '/auth/logout', payload: {} });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'indgang_session')?.value).toBe('');
    expect((await t.as(client, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite, and sends security headers', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/demo-login',
      payload: { userId: 'demo-leder' },
      headers: { 'x-csrf-token': 'x' },
    });
    const cookie = response.cookies.find((c) => c.name === 'indgang_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives Prometheus metrics only with the token, or to the machine itself', async () => {
    const withToken = await createTestApp(pglite!, { metricsToken: 'hemmelig' });
    try {
      expect((await withToken.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403);
      expect(
        (
          await withToken.app.inject({
            method: 'GET',
            url: '/metrics',
            headers: { authorization: 'Bearer hemmelig' },
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await withToken.close();
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode,
    ).toBe(403);
  });

  it('says in both languages what the framework refuses, e.g. an empty JSON body', async () => {
    const empty = await t.as(leader, {
      method: 'POST',
      url: '/api/v1/delegations',
      payload: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toEqual({
      da: 'Forespørgslen har ikke noget JSON-indhold.',
      en: 'The request has no JSON content.',
    });
  });

  it('answers /health and exposes Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({
      status: 'ok',
      database: 'embedded',
    });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('indgang_http_requests_total');
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });
});
