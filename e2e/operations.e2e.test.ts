import { describe, expect, it } from 'vitest';
import { demoLogin, followMenuLink, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

/** The administrator's operations page: dead and failing jobs retried and discarded, counts and schedules. */
describe('operations in Chromium', () => {
  const ctx = usePlatformInBrowser();

  it('lets the administrator retry and discard dead jobs, with their case linked, in Danish and English', async () => {
    const q = (text: string) => ctx.platform.database.pool.query(text);
    const { rows } = await q(`SELECT id, number FROM cases ORDER BY number LIMIT 1`);
    const kase = rows[0] as { id: string; number: string } | undefined;
    await q(`
      INSERT INTO jobs (kind, payload, case_id, attempts, max_attempts, dead_at, last_error) VALUES
        ('mail.case', '{"caseId":"${kase?.id ?? 'none'}","kind":"resolved"}', ${kase ? `'${kase.id}'` : 'NULL'}, 5, 5, now(), 'Error: 550 mailbox unavailable'),
        ('mail.case', '{"caseId":"none","kind":"message"}', NULL, 5, 5, now() - interval '1 hour', 'Error: 554 rejected')`);

    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await demoLogin(page, ctx.platform.url, 'demo-admin');
    await followMenuLink(page, 'Drift');
    await page.getByRole('heading', { level: 1, name: 'Drift' }).waitFor();
    await page.getByRole('heading', { name: 'Opgivne og fejlende opgaver' }).waitFor();
    const jobs = page.locator('ul.job-list:not(.connector-list) > li.job');
    await expect.poll(() => jobs.count()).toBe(2);
    if (kase) await jobs.first().getByRole('link', { name: kase.number }).waitFor();
    expect(await jobs.first().textContent()).toContain('Error: 550 mailbox unavailable');
    expect(await jobs.first().textContent()).toContain('5 af 5');
    const schedules = page.getByRole('region', { name: 'Faste kørsler' });
    expect(await schedules.getByRole('row', { name: /Oprydning/ }).textContent()).toContain('Hver time');
    expect(
      await schedules.getByRole('row', { name: /Sletning efter opbevaringsregler/ }).textContent(),
    ).toContain('Hver nat kl. 02.00');
    expect(await seriousViolations(page)).toEqual([]);

    await jobs
      .nth(1)
      .getByRole('button', { name: /^Kassér/ })
      .click();
    await page.getByText('Mail til ansøgeren er kasseret. Den gemmes som historik.').waitFor();
    await expect.poll(() => jobs.count()).toBe(1);
    await jobs
      .first()
      .getByRole('button', { name: /^Prøv igen nu/ })
      .click();
    await page.getByText('Mail til ansøgeren prøves igen nu.').waitFor();
    // The worker in the server runs it (the case's mail is composed and sent to the log).
    await expect
      .poll(
        async () =>
          (await q(`SELECT count(*)::int AS n FROM jobs WHERE dead_at IS NOT NULL AND discarded_at IS NULL`))
            .rows[0].n,
        { timeout: 15_000 },
      )
      .toBe(0);
    await page.reload();
    await page.getByText('Ingen opgaver er opgivet eller venter efter en fejl.').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
    await page.getByText('No job is dead or waiting after an error.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it("shows each municipal system's mode, latest error in the system's words and queue, and retries its failed jobs", async () => {
    const q = (text: string) => ctx.platform.database.pool.query(text);
    await q(`INSERT INTO connector_calls (connector, operation, call_key, outcome, error_code, error_text, duration_ms, at)
      VALUES ('payroll', 'changeEmployment', 'e2e-1', 'refused', 'ugyldig_dato', 'Ændringsdato ligger før ansættelsesdato', 90, now())`);
    await q(`INSERT INTO jobs (kind, payload, connector, attempts, max_attempts, dead_at, last_error)
      VALUES ('connector.lookup', '{"lookupId":"8d0c6f59-3f8e-4d0e-9a38-0c1f2f4f1e11"}', 'payroll', 3, 3, now(), 'Error: timeout')`);
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await demoLogin(page, ctx.platform.url, 'demo-admin');
    await page.goto(`${ctx.platform.url}/drift`);
    await page.getByRole('heading', { level: 2, name: 'Kommunens systemer' }).waitFor();
    const payroll = page
      .locator('.connector-list > li')
      .filter({ has: page.getByRole('heading', { name: /^Løn/ }) });
    await expect.poll(() => payroll.textContent()).toContain('Ændringsdato ligger før ansættelsesdato');
    expect(await payroll.textContent()).toContain('0 venter, 0 fejler, 1 opgivet');
    expect(await seriousViolations(page)).toEqual([]);
    await payroll.getByRole('button', { name: /^Prøv fejlede igen nu/ }).click();
    await page.getByText('Én opgave til Løn prøves igen nu.').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('is not offered to a caseworker', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-sagsbehandler-loen');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Drift' }).count()).toBe(0);
  });
});
