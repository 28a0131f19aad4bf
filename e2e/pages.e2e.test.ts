import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

describe('every page in Chromium', () => {
  const ctx = usePlatformInBrowser();

  async function scan(page: Page, path: string) {
    await page.goto(`${ctx.platform.url}${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), path).toEqual([]);
  }

  it('shows the demo login with every role, in Danish, with no serious accessibility violations', async () => {
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.platform.url}/login`);
    await expect.poll(() => page.locator('button[data-user]').count()).toBe(14);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Log ind');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('has a scan that does find violations when there are some', async () => {
    const page = await ctx.browser.newPage();
    await page.goto(`${ctx.platform.url}/login`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/x.png';
      document.querySelector('main')?.append(img);
    });
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('image-alt');
    await page.close();
  });

  it('lets a school leader browse her unit and a person, and switch to English', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Velkommen');
    expect(await seriousViolations(page)).toEqual([]);
    await scan(page, '/profil');
    await scan(page, '/organisation');
    await page
      .getByRole('link', { name: /Skole Nørrebro/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: /Medarbejdere/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('table a').first().click();
    await page.getByRole('heading', { level: 2, name: 'Ansættelser' }).waitFor();
    expect(await page.getByTestId('cpr').textContent()).toMatch(/XXXX$/);
    expect(await page.getByRole('button', { name: 'Vis fuldt CPR-nummer' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Employments' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.close();
  });

  it('lets a leader give a person of her school deputy access for a period, and revoke it', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    await page.goto(`${ctx.platform.url}/profil`);
    const deputy = page.getByLabel('Stedfortræder', { exact: true });
    await expect.poll(() => deputy.locator('option').count()).toBeGreaterThan(2);
    const value = await deputy.locator('option').nth(3).getAttribute('value');
    await deputy.selectOption(value!);
    // Within the twelve months ahead a delegation may run.
    const until = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Til og med').fill(until);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Giv adgang' }).click();
    await page.getByText('Stedfortræderen har nu adgang i perioden.').waitFor();
    // The list shows the date the Danish way (22.6.2027).
    const [year, month, day] = until.split('-').map(Number);
    const row = page.locator('.delegation-list li', { hasText: `${day}.${month}.${year}` });
    await row.getByRole('button', { name: 'Tilbagekald' }).click();
    await row.getByText('tilbagekaldt').waitFor();
    await page.close();
  });

  it('shows what is known about the employee a leader picks in a form, instead of asking again', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    await page.goto(`${ctx.platform.url}/services/fravaer`);
    await page.getByRole('heading', { level: 1, name: /Fravær/ }).waitFor();
    await page.getByLabel('Søg medarbejder (navn eller nummer)').fill('10000');
    await page.getByRole('button', { name: 'Søg' }).click();
    const select = page.getByLabel('Medarbejder', { exact: true });
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    await select.selectOption({ index: 1 });
    await page
      .getByTestId('known-person')
      .getByText(/Skole Nørrebro: .*timer\/uge/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets a configurator hand the catalogue on as a file', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-konfigurator');
    await page.getByRole('link', { name: 'Katalog' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Servicekatalog' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent kataloget (JSON)' }).click();
    const file = await (await download).path();
    await page.getByLabel('Katalogfil (JSON)').setInputFiles(file);
    await page.getByRole('button', { name: 'Indlæs katalog' }).click();
    await page.getByText('Indlæst: 0 nye versioner, 10 uændrede.').waitFor();
    await page.close();
  });

  it('lets an employee see only her profile', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-medarbejder');
    expect(await page.getByRole('link', { name: 'Organisation' }).count()).toBe(0);
    await scan(page, '/profil');
    expect(await page.getByRole('heading', { level: 2, name: 'Ansættelser' }).count()).toBe(1);
    await page.close();
  });

  it('lets a caseworker search the whole organisation and reveal a CPR number', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-sagsbehandler-loen');
    await scan(page, '/organisation');
    await page.getByLabel('Søg efter medarbejder (navn eller medarbejdernummer)').fill('1000');
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.locator('.person-hits a').first().click();
    await page.getByRole('button', { name: 'Vis fuldt CPR-nummer' }).click();
    await expect.poll(() => page.getByTestId('cpr').textContent()).toMatch(/^00\d{4}-\d{4}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets the auditor read the trail and verify the chain', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-revisor');
    await scan(page, '/revision');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Kontrollér kæden' }).click();
    await page.getByText(/Kæden er intakt/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the not-found page accessibly, and logs out', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-admin');
    await scan(page, '/findes-ikke');
    await scan(page, '/import');
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${ctx.platform.url}/login`);
    await page.goto(`${ctx.platform.url}/profil`);
    await page.waitForURL(`${ctx.platform.url}/login`);
    await page.close();
  });
});
