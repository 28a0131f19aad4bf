import { describe, expect, it } from 'vitest';
import { demoLogin, followMenuLink, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

/** The robots page: an administrator creates a credential, sees it once, and revokes it; a team lead reads. */
describe('robots in Chromium', () => {
  const ctx = usePlatformInBrowser();

  it('creates a credential shown once, which the robot API accepts until it is revoked', async () => {
    const context = await ctx.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.platform.url });
    const page = await context.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-admin');
    await page.goto(`${ctx.platform.url}/robotter`);
    await page.getByRole('heading', { level: 1, name: 'Robotter' }).waitFor();
    await page.getByLabel('Navn').fill('Attestrobot');
    await page.getByLabel('Emner').fill('boerneattest.bestil, loen.indtast');
    await page.getByRole('button', { name: 'Opret robot' }).click();
    await page.getByRole('heading', { name: 'Adgangsnøgle til Attestrobot' }).waitFor();
    await page.getByText('Den vises kun denne ene gang').waitFor();
    const token = await page.getByLabel('Adgangsnøgle', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'Kopiér nøglen' }).click();
    await page.getByText('Nøglen er kopieret.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expect(await seriousViolations(page)).toEqual([]);

    const me = await page.request.get(`${ctx.platform.url}/api/robot/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toMatchObject({
      name: 'Attestrobot',
      topics: ['boerneattest.bestil', 'loen.indtast'],
    });

    await page.getByRole('button', { name: 'Jeg har gemt nøglen' }).click();
    expect(await page.getByLabel('Adgangsnøgle', { exact: true }).count()).toBe(0);
    await page.getByRole('row', { name: /loen\.indtast/ }).waitFor();
    await page.getByRole('button', { name: 'Tilbagekald Attestrobot' }).click();
    await page.getByText('Tilbagekald Attestrobot? Robotten kan derefter').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, tilbagekald' }).click();
    await page.getByText('Attestrobot er tilbagekaldt.').waitFor();
    const refused = await page.request.get(`${ctx.platform.url}/api/robot/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status()).toBe(401);
    await context.close();
  });

  it('shows a team lead the robots without offering to create or revoke', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-teamleder');
    await followMenuLink(page, 'Robotter');
    await page.getByRole('heading', { level: 1, name: 'Robotter' }).waitFor();
    await page.getByText('kun en administrator kan oprette og tilbagekalde dem').waitFor();
    expect(await page.getByRole('button', { name: /Tilbagekald|Opret robot/ }).count()).toBe(0);
    await page.close();
  });
});
