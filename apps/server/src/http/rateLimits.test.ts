import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createSession } from '@indgang/domain';
import { createTestApp, type TestApp } from '../testing/createTestApp';

const [pglite] = await testDatabaseTargets();
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(pglite!, {
      rateLimits: { loginPerMinute: 3, uploadsPerMinute: 2, publicPerMinute: 5 },
    });
  });
  afterAll(() => t.close());

  it('limits login attempts per client address with a 429 in both languages, whatever X-Forwarded-For says', async () => {
    const attempt = (forwardedFor?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/auth/demo-login',
        payload: { userId: 'demo-leder' },
        headers: { 'x-csrf-token': 'x', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      });
    expect((await attempt()).statusCode).toBe(200);
    expect((await attempt('10.0.0.1')).statusCode).toBe(200);
    expect((await attempt('10.0.0.2')).statusCode).toBe(200);
    const limited = await attempt('10.0.0.3');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const { error } = limited.json();
    expect(error.code).toBe('rate_limited');
    expect(error.message.da).toMatch(/For mange forespørgsler/);
    expect(error.message.en).toMatch(/Too many requests/);
  });

  it('limits uploads per user, not per address', async () => {
    const [employee, leader] = [
      await sessionFor('demo-medarbejder'),
      await sessionFor('demo-stedfortraeder'),
    ];
    const upload = (client: { cookie: string; csrf: string }) =>
      t.as(client, {
        method: 'POST',
        url: '/api/v1/attachments?fileName=kvittering.png',
        payload: PNG,
        headers: { 'content-type': 'image/png' },
      });
    expect((await upload(employee)).statusCode).toBe(201);
    expect((await upload(employee)).statusCode).toBe(201);
    expect((await upload(employee)).statusCode).toBe(429);
    expect((await upload(leader)).statusCode).toBe(201);
  });

  it('limits the unauthenticated evaluate endpoint and caps its size', async () => {
    const evaluate = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/business-cases/evaluate',
        payload,
        headers: { 'content-type': 'application/json', 'x-csrf-token': 'x' },
      });
    const big = JSON.stringify({
      title: 'x',
      priceLevel: 2017,
      firstYear: 2017,
      lines: [{ label: 'x'.repeat(300_000), kind: 'permanent', area: 'service', amounts: [1] }],
      committees: [],
    });
    expect((await evaluate(big)).statusCode).toBe(413);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await evaluate('{"title":"x","priceLevel":2017,"firstYear":2017,"lines":[],"committees":[]}'))
          .statusCode,
      );
    expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  // The login limit above is spent; sessions for later tests are made directly.
  async function sessionFor(userId: string) {
    const { token, session } = await createSession({ db: t.database.db }, userId, 'demo');
    return { cookie: `indgang_session=${token}`, csrf: session.csrfToken };
  }
});
