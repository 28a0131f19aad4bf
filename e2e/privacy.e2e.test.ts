import { describe, expect, it } from 'vitest';
import { demoLogin, followMenuLink, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

/** The administrator's data-protection page: a person's data on request, legal holds, retention rules. */
describe('data protection in Chromium', () => {
  const ctx = usePlatformInBrowser();

  it("lets the administrator export a person's data, place and release a legal hold, and read the retention rules", async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-admin');
    await followMenuLink(page, 'Databeskyttelse');
    await page.getByRole('heading', { level: 1, name: 'Databeskyttelse' }).waitFor();
    await page.getByRole('cell', { name: 'Kørselsgodtgørelse' }).waitFor();
    expect(await page.getByRole('row', { name: /Kørselsgodtgørelse/ }).textContent()).toContain(
      'Anonymiseres 6 år efter afslutning',
    );
    expect(await page.getByRole('row', { name: /Straffe/ }).textContent()).toContain(
      'Slettes 6 mdr. efter afslutning',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Søg efter medarbejder (navn eller medarbejdernummer)').fill('en');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    const pdfLink = page.getByRole('link', { name: /^Hent .* som PDF$/ }).first();
    await pdfLink.waitFor();
    const pdf = await page.request.get(`${ctx.platform.url}${await pdfLink.getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousViolations(page)).toEqual([]);

    const holdButton = page.getByRole('button', { name: /^Tilbagehold alt om / }).first();
    const name = (await holdButton.getAttribute('aria-label'))!.replace('Tilbagehold alt om ', '');
    await holdButton.click();
    await page.getByText(`Tilbageholdelse af alt om ${name}.`).waitFor();
    await page.getByRole('button', { name: 'Tilbagehold', exact: true }).click();
    await page.getByRole('alert').getByText('Skriv en begrundelse').waitFor();
    await page.getByLabel('Begrundelse', { exact: true }).fill('Sag ved Ankestyrelsen');
    await page.getByRole('button', { name: 'Tilbagehold', exact: true }).click();
    await page.getByText('Tilbageholdelsen er registreret.').waitFor();
    const row = page.getByRole('row', { name: new RegExp(`Alt om ${name}`) });
    await row.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Ophæv' }).click();
    await page.getByText('Tilbageholdelsen er ophævet.').waitFor();
    await page.getByText('Intet er tilbageholdt.').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data protection' }).waitFor();
    expect(await page.getByRole('row', { name: /Mileage allowance/ }).textContent()).toContain(
      'Anonymised 6 years after it was resolved',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.close();
  });

  it('offers the page to nobody but the administrator', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-revisor');
    expect(await page.getByRole('link', { name: 'Databeskyttelse' }).count()).toBe(0);
    await page.close();
  });
});
