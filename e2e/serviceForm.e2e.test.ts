import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

const SHOTS = process.env.INDGANG_SCREENSHOTS;

/**
 * The service form as a school leader, an employee and the auditor meet it: the DKFDS error summary
 * and its links, the leader's input checks (CPR date, payroll deadline, the same trip twice), the
 * service's own texts in English, and a read-only user who is shown the form without being offered
 * to fill, save or send it. Each page is checked with axe at desktop and phone width.
 */
describe('the service form', () => {
  const ctx = usePlatformInBrowser();
  const PHONE = { width: 390, height: 844 };
  const DESKTOP = { width: 1280, height: 900 };

  async function open(user: string, locale: 'da' | 'en', viewport = DESKTOP) {
    const context = await ctx.browser.newContext({ viewport });
    await context.addInitScript((l) => localStorage.setItem('indgang.locale', l), locale);
    const page = await context.newPage();
    // Every answer of 400 and above the page gets, to show that none fails unseen.
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url().includes('/api/') && !r.url().endsWith('/api/v1/me'))
        failures.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await demoLogin(page, ctx.platform.url, user);
    writes.length = 0;
    return { page, failures, writes, close: () => context.close() };
  }
  const form = async (page: Page, serviceId: string) => {
    await page.goto(`${ctx.platform.url}/services/${serviceId}`);
    await page.locator('form').waitFor();
  };
  const clean = async (page: Page, where: string) => {
    expect(await seriousViolations(page), where).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `${where}: no sideways scrolling`,
    ).toBe(true);
  };
  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  it('lists each error of an empty submit by its field, focused, each line leading to its field', async () => {
    for (const [locale, viewport] of [
      ['da', DESKTOP],
      ['en', PHONE],
    ] as const) {
      const { page, close } = await open('demo-leder', locale, viewport);
      await form(page, 'koerselsgodtgoerelse');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      // The summary takes focus, so a screen reader reads it first.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'error-summary',
      );
      const lines = await summary.getByRole('link').allTextContents();
      expect(lines).toEqual(
        locale === 'da'
          ? [
              'Tur 1, Dato: Skriv en dato.',
              'Tur 1, Fra: Feltet skal udfyldes.',
              'Tur 1, Til: Feltet skal udfyldes.',
              'Tur 1, Kilometer: Feltet skal udfyldes.',
              'Tur 1, Formål: Feltet skal udfyldes.',
            ]
          : [
              'Trip 1, Date: Enter a date.',
              'Trip 1, From: This field is required.',
              'Trip 1, To: This field is required.',
              'Trip 1, Kilometres: This field is required.',
              'Trip 1, Purpose: This field is required.',
            ],
      );
      expect(await summary.locator('.alert-heading').textContent()).toBe(
        locale === 'da' ? 'Formularen har 5 fejl' : 'The form has 5 errors',
      );
      // Every field in error shows it beside it, and is marked invalid.
      expect(await page.locator('.repeat-item .form-error-message').count()).toBe(5);
      expect(await page.locator('.repeat-item [aria-invalid="true"]').count()).toBe(5);
      await clean(page, `error summary ${locale}`);
      await shot(page, `service-form-errors-${locale}-${viewport.width}`);

      // A line of the summary moves focus to its field.
      const km = locale === 'da' ? 'Tur 1, Kilometer' : 'Trip 1, Kilometres';
      await summary.getByRole('link', { name: new RegExp(`^${km}`) }).click();
      const label = locale === 'da' ? 'Kilometer' : 'Kilometres';
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(
        await page.getByLabel(label, { exact: true }).getAttribute('id'),
      );
      // Filled in, the error goes on the next submit; the others stay.
      await page.getByLabel(label, { exact: true }).fill('12');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => summary.getByRole('link').count()).toBe(4);
      await close();
    }
  });

  it("checks a new hire's CPR date and first working day, and shows a missing document's error at its file field", async () => {
    const { page, close } = await open('demo-leder', 'da');
    await form(page, 'ansaettelse');
    await page.getByLabel('Første arbejdsdag', { exact: true }).fill('2020-01-06');
    await page.getByLabel('CPR-nummer', { exact: true }).fill('013490-1234');
    await page.getByText('6.1.2020 ligger i fortiden').waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    const cpr = summary.getByRole('link', { name: /^CPR-nummer: CPR-nummeret har måned 34/ });
    await cpr.waitFor();
    await cpr.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-person-cpr');
    expect(await page.locator('#f-person-cpr-error').textContent()).toContain(
      'Måneden (3. og 4. ciffer) skal være 01–12.',
    );
    // The warning does not stop sending and stays beside its field.
    expect(await page.locator('#f-position-startDate-warning').textContent()).toContain(
      'fristen for lønkørslen for januar 2020 er overskredet',
    );
    // A missing document is named in the summary and shown at the file field that satisfies it.
    const doc = summary.getByRole('link', {
      name: 'Dokumentation mangler: Eksamensbevis eller uddannelsesdokumentation.',
    });
    await doc.click();
    const fileInput = page.getByLabel('Eksamensbevis eller uddannelsesdokumentation', { exact: true });
    const fileId = await fileInput.getAttribute('id');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(fileId);
    expect(await page.locator(`#${fileId}-error`).textContent()).toContain('Dokumentation mangler');
    // The demo's made-up numbers (day 00) are accepted, as the server accepts them.
    await page.getByLabel('CPR-nummer', { exact: true }).fill('000390-1234');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.locator('#f-person-cpr-error').count()).toBe(0);
    await clean(page, 'hire form with errors and a warning');
    await shot(page, 'service-form-hire-checks-da');
    await close();
  });

  it('warns that the same trip is in an open case, names and links it, and sends anyway when told', async () => {
    const { page, close } = await open('demo-leder', 'da');
    const fillTrip = async () => {
      await form(page, 'koerselsgodtgoerelse');
      await page.getByLabel('Dato', { exact: true }).fill('2026-11-17');
      await page.getByLabel('Fra', { exact: true }).fill('Skolevej 3');
      await page.getByLabel('Til', { exact: true }).fill('Rådhuspladsen 1');
      await page.getByLabel('Kilometer', { exact: true }).fill('14');
      await page.getByLabel('Formål', { exact: true }).fill('Møde i forvaltningen');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
    };
    await fillTrip();
    await page.getByText('Tak – din sag er modtaget').waitFor();
    const first = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Sag ', '');
    const firstUrl = new URL(page.url()).pathname;

    await fillTrip();
    const warning = page.getByRole('alert').filter({ hasText: 'Der er måske allerede en sag om det samme' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`Tur 1 (17.11.2026) står allerede i en åben sag: ${first}`);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('alert-warning');
    const link = warning.getByRole('link', { name: `Gå til sag ${first}` });
    expect(await link.getAttribute('href')).toBe(firstUrl);
    await clean(page, 'duplicate warning');
    await shot(page, 'service-form-duplicate-da');

    await warning.getByRole('button', { name: 'Det er en ny sag – send alligevel' }).click();
    await page.getByText('Tak – din sag er modtaget').waitFor();
    const second = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Sag ', '');
    expect(second).not.toBe(first);
    await close();
  });

  it("shows a service's own texts in English: headings, labels, guidance, the repeat button", async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, close } = await open('demo-leder', 'en', viewport);
      await form(page, 'koerselsgodtgoerelse');
      await page.getByRole('heading', { level: 1, name: 'Mileage allowance' }).waitFor();
      await page.getByRole('group', { name: 'Trips' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Trip 1' }).waitFor();
      await page.getByRole('button', { name: 'Add trip' }).click();
      await page.getByRole('heading', { level: 3, name: 'Trip 2' }).waitFor();
      await page.getByRole('button', { name: 'Remove trip 2' }).waitFor();
      // The desktop round may have left a draft with its trips; every trip has its fields in English.
      const trips = await page.getByRole('heading', { level: 3, name: /^Trip \d+$/ }).count();
      expect(trips).toBeGreaterThanOrEqual(2);
      for (const label of ['Date', 'From', 'To', 'Kilometres', 'Purpose'])
        expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(trips);
      expect(await page.getByText('Claim the trips of one calendar year at a time').count()).toBe(1);
      // Nothing here falls back to Danish.
      expect(await page.locator('main .lang-fallback, main [lang="da"]').count()).toBe(0);
      await clean(page, `English form ${viewport.width}`);

      await form(page, 'ansaettelse');
      await page.getByRole('heading', { level: 1, name: 'Hiring a new employee' }).waitFor();
      expect(await page.getByRole('radio', { name: 'Danish', exact: true }).count()).toBe(1);
      expect(await page.locator('main .lang-fallback, main [lang="da"]').count()).toBe(0);
      await clean(page, `English hire form ${viewport.width}`);
      await close();
    }
  });

  it('shows the auditor the form with a note, nothing to fill, save or send, and no refused request', async () => {
    for (const [locale, viewport] of [
      ['da', DESKTOP],
      ['en', PHONE],
    ] as const) {
      const { page, failures, writes, close } = await open('demo-revisor', locale, viewport);
      await form(page, 'koerselsgodtgoerelse');
      const note = page.getByTestId('read-only-note');
      expect(await note.textContent()).toContain(
        locale === 'da'
          ? 'Du kan se formularen, men ikke udfylde eller sende den'
          : 'You can see the form, but not fill it in or send it',
      );
      expect(await page.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
      const date = page.getByLabel(locale === 'da' ? 'Dato' : 'Date', { exact: true });
      expect(await date.isDisabled()).toBe(true);
      expect(
        await page.getByRole('button', { name: locale === 'da' ? 'Tilføj tur' : 'Add trip' }).isDisabled(),
      ).toBe(true);
      // Typing is impossible, so no draft is saved and nothing answers 403.
      await page.waitForTimeout(1200);
      expect(writes).toEqual([]);
      expect(failures).toEqual([]);
      await clean(page, `read-only form ${locale}`);
      await shot(page, `service-form-read-only-${locale}-${viewport.width}`);
      await close();
    }
  });

  it('offers an employee only herself in a person field, without a search she may not make', async () => {
    const { page, failures, close } = await open('demo-medarbejder', 'da', PHONE);
    await form(page, 'personalesag-indsigt');
    const person = page.getByLabel('Medarbejder', { exact: true });
    const options = await person.locator('option').allTextContents();
    expect(options).toHaveLength(2);
    expect(options[1]).toMatch(/\(dig selv\)$/);
    expect(await page.getByRole('button', { name: 'Søg', exact: true }).count()).toBe(0);
    await person.selectOption({ index: 1 });
    await page.waitForTimeout(1200);
    await page.getByText(/Kladde gemt kl\./).waitFor();
    expect(failures).toEqual([]);
    await clean(page, 'employee person field');
    await close();
  });
});
