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

/** What the link leads to, fetched as the logged-in user (the page's cookies). */
async function linked(page: Page, name: RegExp) {
  const link = page.getByRole('link', { name });
  await link.waitFor();
  const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());
  return { link, response, start: (await response.body()).subarray(0, 5).toString() };
}

/**
 * "Mine papirer" and a leader's personnel files in Chromium, on the simulated GetOrganized: the
 * employee sees and opens the documents marked for her; her leader picks her from the school's
 * staff and sees the whole file at once, the note she does not see included. Both are axe-clean on
 * a desktop and a phone, and every read is in the audit trail.
 */
describe('personnel files in Chromium', () => {
  const ctx = usePlatformInBrowser({
    INDGANG_SIMULATOR_FAULT_RATE: '0',
    INDGANG_SIMULATOR_LATENCY_MS: '20-80',
  });
  const url = (path: string) => `${ctx.platform.url}${path}`;

  it('shows the employee her own papers, opens one as a PDF, on a desktop and a phone', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const context = await ctx.browser.newContext({ viewport });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await demoLogin(page, ctx.platform.url, 'demo-medarbejder');
      if (name === 'desktop') {
        await page
          .getByRole('navigation')
          .getByRole('link', { name: 'Mine papirer', exact: true })
          .first()
          .click();
      } else await page.goto(url('/papirer'));
      await page.getByRole('heading', { level: 1, name: 'Mine papirer' }).waitFor();
      const rows = page.locator('.papers-table tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
      expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual([
        'Lønaftale',
        'Ansættelsesbrev',
      ]);
      expect(await rows.first().locator('td').first().textContent()).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/);
      expect(await page.locator('main').textContent()).not.toContain('Notat');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await shot(page, `papers-${name}`);

      await page.getByRole('button', { name: 'Hent Ansættelsesbrev' }).click();
      const open = await linked(page, /^Åbn ansaettelsesbrev-\d+\.pdf$/);
      expect(open.start).toBe('%PDF-');
      expect(open.response.headers()['content-type']).toBe('application/pdf');
      expect(open.response.headers()['content-disposition']).toMatch(
        /^inline; filename\*=UTF-8''ansaettelsesbrev-\d+\.pdf$/,
      );
      expect(await open.link.getAttribute('target')).toBe('_blank');
      const save = await linked(page, /^Gem ansaettelsesbrev-\d+\.pdf$/);
      expect(save.response.headers()['content-disposition']).toMatch(/^attachment;/);
      const download = page.waitForEvent('download');
      await save.link.click();
      expect((await download).suggestedFilename()).toMatch(/^ansaettelsesbrev-\d+\.pdf$/);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `papers-opened-${name}`);
      await context.close();
    }
  }, 180_000);

  it('lets the school leader pick a teacher and see her whole file at once, audited', async () => {
    const { rows: people } = await ctx.platform.database.pool.query<{ personId: string; name: string }>(
      `SELECT p.id AS "personId", p.first_name || ' ' || p.last_name AS name
       FROM users u JOIN persons p ON p.id = u.person_id WHERE u.id = 'demo-medarbejder'`,
    );
    const teacher = people[0]!;
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const context = await ctx.browser.newContext({ viewport });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await demoLogin(page, ctx.platform.url, 'demo-leder');
      await page.goto(url('/personalesager'));
      await page.getByRole('heading', { level: 1, name: 'Personalesager' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Medarbejdere: / }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `staff-files-${name}`);
      await page.getByRole('button', { name: `Vis personalesag for ${teacher.name}` }).click();
      await page.getByRole('heading', { level: 2, name: `Personalesagen for ${teacher.name}` }).waitFor();
      const rows = page.locator('.papers-table tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
      const note = rows.filter({ hasText: 'Notat fra lederen' });
      expect(await note.locator('td:nth-child(4)').textContent()).toBe('Nej');
      expect(page.url()).toContain(`person=${encodeURIComponent(teacher.personId)}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.getByRole('button', { name: 'Hent Notat fra lederen' }).click();
      expect((await linked(page, /^Åbn notat-\d+\.pdf$/)).start).toBe('%PDF-');
      await shot(page, `staff-file-${name}`);
      await context.close();
    }
    const { rows: audited } = await ctx.platform.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE action = 'connector.lookup' AND actor_user_id = 'demo-leder' AND subject_person_id = $1`,
      [teacher.personId],
    );
    // Per window, two reads from ESDH: the file's list and the note.
    expect(audited[0]!.n).toBe(4);
  }, 180_000);
});
