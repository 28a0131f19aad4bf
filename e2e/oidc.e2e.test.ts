import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousViolations } from './support/browser';
import { freePort, startTestPlatform } from './support/startTestPlatform';

/**
 * OpenID Connect login against a real identity provider (oidc-provider) on loopback:
 * authorization code flow with PKCE, through a real browser.
 */
describe('OpenID Connect login', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let idp: Server;
  let browser: Browser;
  let issuer: string;

  beforeAll(async () => {
    const [appPort, idpPort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${idpPort}`;
    const appUrl = `http://127.0.0.1:${appPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'indgang',
          client_secret: 'indgang-test-secret',
          redirect_uris: [`${appUrl}/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
      findAccount: async (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: async () => ({ sub: id, email: id, name: `Login ${id}` }),
      }),
      cookies: { keys: ['indgang-test-cookie-key'] },
      features: { devInteractions: { enabled: true } },
    });
    idp = provider.listen(idpPort);
    platform = await startTestPlatform({
      PORT: String(appPort),
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'indgang',
      OIDC_CLIENT_SECRET: 'indgang-test-secret',
      OIDC_ALLOW_HTTP: 'true',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    await new Promise((resolve) => idp?.close(resolve));
  });

  async function loginAtProvider(email: string) {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    const consent = page.locator('button[autofocus], button[type="submit"]');
    await page.waitForURL(
      (url) => url.href.startsWith(platform.url) || url.pathname.includes('/interaction/'),
    );
    if (page.url().startsWith(issuer)) await consent.first().click();
    await page.waitForURL((url) => url.href.startsWith(platform.url));
    return page;
  }

  it('logs a known employee in with code flow and PKCE, and links her to her user', async () => {
    const { rows } = await platform.database.pool.query(
      'SELECT p.email, p.first_name FROM persons p WHERE p.id NOT IN (SELECT person_id FROM users WHERE person_id IS NOT NULL) ORDER BY p.id LIMIT 1',
    );
    const page = await loginAtProvider(rows[0].email);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Velkommen');
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
    expect(me.email).toBe(rows[0].email);
    const users = await platform.database.pool.query('SELECT oidc_subject FROM users WHERE email = $1', [
      rows[0].email,
    ]);
    expect(users.rows[0].oidc_subject).toBe(`${issuer}#${rows[0].email}`);
    const audit = await platform.database.pool.query(
      "SELECT details FROM audit_log WHERE action = 'session.login' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0].details).toEqual({ method: 'oidc' });
    await page.close();
  });

  it('refuses someone the identity provider knows but the municipality does not, in her language', async () => {
    const page = await loginAtProvider('stranger@elsewhere.test');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('ikke kendt i Indgang');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('not known to Indgang');
    await page.close();
  });

  it('refuses a callback that did not start here', async () => {
    const response = await fetch(`${platform.url}/auth/oidc/callback?code=forged&state=forged`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?error=oidc_flow_missing');
    const me = await fetch(`${platform.url}/api/v1/me`);
    expect(me.status).toBe(401);
  });
});
