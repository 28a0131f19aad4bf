import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Where a run leaves its screenshots to look at (INDGANG_E2E_SHOTS), or nowhere. */
const SHOTS = process.env.INDGANG_E2E_SHOTS;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * The authorisation review in Chromium, on the simulated OS2rollekatalog: the school leader picks
 * her unit, the roles of its staff appear line by line, she keeps all but one and removes that one,
 * sends, and once the jobs have run the role is gone from identity management (the list she gets
 * when she opens the review again no longer has it). Axe-clean at desktop and phone width, with
 * nothing wider than a phone.
 */
describe('the authorisation review in Chromium', () => {
  const ctx = usePlatformInBrowser({ INDGANG_SIMULATOR_FAULT_RATE: '0' });

  const openReview = async (viewport: typeof DESKTOP) => {
    const context = await ctx.browser.newContext({ viewport });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    await page.goto(`${ctx.platform.url}/services/autorisationskontrol`);
    await page.getByRole('heading', { level: 1, name: 'Autorisationskontrol' }).waitFor();
    await page.getByLabel('Enhed', { exact: true }).selectOption('buf-001');
    await page.locator('.role-review-line').first().waitFor();
    return { page, close: () => context.close() };
  };
  /** Each line as the leader reads it: the person, then the role and its system and dates. */
  const linesOf = (page: Page) =>
    page
      .locator('.role-review-line legend')
      .evaluateAll((legends) => legends.map((l) => l.textContent ?? ''));

  it('lets the school leader remove one role of her staff, which is gone once the jobs have run', async () => {
    const { page, close } = await openReview(DESKTOP);
    const before = await linesOf(page);
    expect(before.length).toBeGreaterThan(5);
    await page.getByText(/^\d+ roller hos \d+ medarbejdere\./).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'role-review-desktop');

    // Sending with nothing decided names the field in the error summary.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      `Medarbejdernes roller: Vælg Behold eller Fjern for hver rolle (${before.length} mangler).`,
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    const removed = before[0]!;
    const line = page.locator('.role-review-line').first();
    await line.getByLabel('Fjern', { exact: true }).check();
    await page.getByRole('button', { name: `Behold de ${before.length - 1} roller uden valg` }).click();
    await page.getByText(`1 markeret til fjernelse, 0 mangler et valg.`).waitFor();
    expect(await page.getByRole('radio', { name: 'Behold', checked: true }).count()).toBe(before.length - 1);
    await shot(page, 'role-review-decided-desktop');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Tak – din sag er modtaget').waitFor();
    const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Sag ', '');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'role-review-receipt-desktop');

    // The platform's own worker runs the process: the removal, then the end.
    await expect
      .poll(
        async () =>
          (
            await ctx.platform.database.pool.query<{ status: string; outcome: string | null }>(
              `SELECT status, outcome_id AS outcome FROM cases WHERE number = $1`,
              [number],
            )
          ).rows[0],
        { timeout: 30_000 },
      )
      .toEqual({ status: 'resolved', outcome: 'removed' });
    await close();

    const again = await openReview(DESKTOP);
    const after = await linesOf(again.page);
    expect(after).toHaveLength(before.length - 1);
    expect(after).not.toContain(removed);
    await again.close();
  }, 180_000);

  it('fits a phone: one column, no sideways scrolling, axe-clean', async () => {
    const { page, close } = await openReview(PHONE);
    await page.locator('.role-review-line').first().getByLabel('Behold', { exact: true }).check();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'role-review-phone');
    await close();
  }, 120_000);
});
