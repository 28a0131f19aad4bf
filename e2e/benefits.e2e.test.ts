import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

const yearsAgo = (n: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
};

/**
 * A programme manager builds a programme in Chromium: a project with a business case, a benefit
 * tree and a KPI measured automatically from the demo year of cases; then reads the report.
 */
describe('benefit realisation in the browser', () => {
  const ctx = usePlatformInBrowser({ INDGANG_DEMO_HISTORY: 'true' });
  const a11y = async (page: Page, where: string) => expect(await seriousViolations(page), where).toEqual([]);

  it('creates a business case, a benefit tree and a KPI with automatic measurement', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-programleder');
    await page.getByRole('navigation').getByRole('link', { name: 'Gevinster' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gevinstrealisering' }).waitFor();
    await page.getByRole('link', { name: 'Ny serviceplatform og procesautomatisering' }).waitFor();
    await a11y(page, 'programmes');

    await page.getByLabel('Navn', { exact: true }).fill('Digital personalesag');
    await page.getByRole('button', { name: 'Opret program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digital personalesag' }).waitFor();
    await page.getByLabel('Projektnavn').fill('Papirløse personalesager');
    const benefitOwner = page.getByRole('group', { name: 'Gevinstansvarlig', exact: true });
    // The process owner, found by her name.
    const processOwner = (await (
      await page.request.get(`${ctx.platform.url}/api/v1/projects/6f1d1c2e-0000-4000-8000-000000000011`)
    ).json()) as { benefitOwnerName: string };
    await benefitOwner
      .getByLabel('Søg efter en person (navn)')
      .fill(processOwner.benefitOwnerName.split(' ')[0]!);
    await benefitOwner.getByText(/^\d+ fundet/).waitFor();
    await benefitOwner.getByRole('combobox').selectOption({ label: processOwner.benefitOwnerName });
    await page.getByLabel('Risiko', { exact: true }).selectOption('high');
    await page.getByLabel('Risikobeskrivelse').fill('Scanning af gamle sager kan tage længere tid.');
    await a11y(page, 'programme');
    await page.getByRole('button', { name: 'Opret projekt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Papirløse personalesager' }).waitFor();
    await a11y(page, 'project');

    // Business case: a saving from the second year against an investment in the first two.
    await page.getByRole('link', { name: 'Business case' }).click();
    await page.getByLabel('Første år').fill('2027');
    await page.getByLabel('Linje 1: tekst').fill('Porto og arkiv');
    for (const [j, v] of ['0', '-400', '-800', '-800', '-800'].entries())
      await page.getByLabel(`Linje 1 (Porto og arkiv): ${2027 + j}`).fill(v);
    await page.getByLabel('Linje 2: tekst').fill('Scanning og opsætning');
    for (const [j, v] of ['900', '600', '0', '0', '0'].entries())
      await page.getByLabel(`Linje 2 (Scanning og opsætning): ${2027 + j}`).fill(v);
    await expect.poll(() => page.locator('.bc-payback').textContent()).toContain('4 år (2030)');
    await page.getByLabel('Linje 2 (Scanning og opsætning): 2028').fill('mange');
    await page.getByText('Linje 2 (Scanning og opsætning), år 2').waitFor();
    await page.getByLabel('Linje 2 (Scanning og opsætning): 2028').fill('600');
    await a11y(page, 'business case');
    await page.getByRole('button', { name: 'Gem business case' }).click();
    await page.getByText('Business casen er gemt (version 1).').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent som Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // Benefit tree, built from the goal back to the technology.
    await page.getByRole('link', { name: '← Papirløse personalesager' }).click();
    await page.getByRole('link', { name: 'Gevinsttræ' }).click();
    const add = async (layer: string, label: string) => {
      await page.locator(`#new-${layer}`).fill(label);
      await page
        .getByRole('button', { name: new RegExp(`^Tilføj til`) })
        .nth(['technology', 'change', 'benefit', 'goal'].indexOf(layer))
        .click();
    };
    await add('goal', 'Økonomisk råderum');
    await add('benefit', 'Porto og arkiv sparet');
    await add('change', 'Ingen papirsager');
    await add('technology', 'Digital personalesag');
    await page.getByRole('checkbox', { name: 'Økonomisk råderum' }).check();
    await page.getByRole('checkbox', { name: 'Porto og arkiv sparet' }).first().check();
    await page.getByRole('checkbox', { name: 'Ingen papirsager' }).first().check();
    await a11y(page, 'benefit tree');
    await page.getByRole('button', { name: 'Gem gevinsttræet' }).click();
    await page.getByText('Gevinsttræet er gemt.').waitFor();
    expect(await page.locator('svg.tree-svg line').count()).toBe(3);
    const pdf = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Hent som PDF' }).click();
    expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);

    // A KPI measured from the cases: submissions per month since a year ago.
    await page.goto(`${page.url().replace(/gevinsttrae$/, 'kpi')}`);
    await page.getByLabel('Hvad måles (navn)').fill('Indsendte sager pr. måned');
    await page.getByLabel('Målemetode').selectOption('cases_submitted');
    await page.getByLabel('Enhed', { exact: true }).selectOption('count');
    await page.getByLabel('Retning').selectOption('increase');
    await page.getByLabel('Baseline', { exact: true }).fill('20');
    await page.getByLabel('Baseline-dato').fill(yearsAgo(1));
    await page.getByLabel('Mål, forventet').fill('40');
    await page.getByLabel('Frist').fill(yearsAgo(-1));
    await page.getByLabel('Hvordan nås målet').fill('Alle ledere bruger portalen');
    await page.getByLabel('Hvordan måles det').fill('Automatisk i Indgang');
    await page.getByLabel('Hvem følger op').fill('Procesejer');
    await page.getByLabel('Hvornår', { exact: true }).fill('Kvartalsvis');
    await page.getByRole('button', { name: 'Opret KPI' }).click();
    await page.getByRole('heading', { level: 2, name: 'Indsendte sager pr. måned' }).waitFor();
    await page.getByText('Tal bag grafen').click();
    await expect.poll(() => page.getByText(/Indgang, \d+ sager/).count()).toBeGreaterThan(6);
    await a11y(page, 'kpi');
    await page.getByRole('button', { name: "Ret KPI'en Indsendte sager pr. måned" }).click();
    await page.getByLabel('Mål, forventet').fill('45');
    await page.getByRole('button', { name: 'Gem KPI' }).click();
    await page.getByText("KPI'en er gemt.").waitFor();
    await page.getByText(/^45 sager senest/).waitFor();

    await page.goto(`${ctx.platform.url}/gevinster`);
    await page.getByRole('link', { name: 'Ny serviceplatform og procesautomatisering' }).click();
    await page.getByRole('link', { name: 'Opfølgningsrapport til styregruppen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ny serviceplatform (Indgang)' }).waitFor();
    await page.getByText('tilbagebetalingstid 6 år (2022)').waitFor();
    await a11y(page, 'report');
    await page.close();
  });

  it('computes the hour price of seed 004 in the calculators, 318 for 35,000', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-oekonomi');
    await page.goto(`${ctx.platform.url}/gevinster/beregnere`);
    const facts = page.locator('section').filter({ hasText: 'Hvad koster en time?' }).locator('dl');
    await expect.poll(() => facts.textContent()).toContain('Kr. pr. løntime245');
    expect(await facts.textContent()).toContain('Kr. pr. effektiv time408');
    await page.getByLabel('Månedsløn (kr.)').fill('35000');
    await expect.poll(() => facts.textContent()).toContain('Kr. pr. løntime318');
    await page.getByText('Effektiviseringspotentiale: 39,6 % (ca. 40 %)').waitFor();
    await a11y(page, 'calculators');
    await page.close();
  });

  it('lets the auditor read every benefit page without edit controls, in Danish and English', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-revisor');
    const programme = '/gevinster/programmer/6f1d1c2e-0000-4000-8000-000000000001';
    const project = '/gevinster/projekter/6f1d1c2e-0000-4000-8000-000000000011';
    for (const path of [
      '/gevinster',
      programme,
      `${programme}/rapport`,
      project,
      `${project}/business-case`,
      `${project}/gevinsttrae`,
      `${project}/kpi`,
      '/gevinster/beregnere',
    ]) {
      await page.goto(`${ctx.platform.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await a11y(page, path);
      expect(await page.getByRole('button', { name: /^Gem|^Opret/ }).count(), path).toBe(0);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${ctx.platform.url}${project}/business-case`);
    await page.getByRole('rowheader', { name: 'Total economic impact' }).waitFor();
    await page.getByText('6 years (2022)').waitFor();
    await a11y(page, 'business case in English');
    await page.close();
  });
});
