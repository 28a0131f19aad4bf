import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp } from '../testing/createTestApp';

const [pglite] = await testDatabaseTargets();

describe('the robot API rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(pglite!, {
      rateLimits: { loginPerMinute: 100, uploadsPerMinute: 100, publicPerMinute: 5 },
    });
  });
  afterAll(() => t.close());

  it('counts per robot (from one address too), and answers 429 in both languages', async () => {
    const admin = await t.login('demo-admin');
    const tokens: string[] = [];
    for (const name of ['Travl robot', 'Rolig robot']) {
      const created = await t.as(admin, {
        method: 'POST',
        url: '/api/v1/robots',
        payload: { name, topics: ['boerneattest.bestil'] },
      });
      tokens.push(created.json().token as string);
    }
    const me = (token: string) =>
      t.app.inject({ method: 'GET', url: '/api/robot/v1/me', headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 5; i++) expect((await me(tokens[0]!)).statusCode).toBe(200);
    const limited = await me(tokens[0]!);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message.da).toMatch(/For mange forespørgsler/);
    expect((await me(tokens[1]!)).statusCode).toBe(200);
  });
});
