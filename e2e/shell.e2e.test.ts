import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

const PHONE = { width: 390, height: 844 };

describe('the shell, the start page and the case lists in Chromium', () => {
  const ctx = usePlatformInBrowser({ INDGANG_DEMO_HISTORY: 'true' });
  const url = (path: string) => `${ctx.platform.url}${path}`;

  /** A new browser window (phone-sized when asked) in which content-security-policy reports are kept. */
  async function openWindow(
    viewport = { width: 1280, height: 900 },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await ctx.browser.newContext({ viewport });
    context.setDefaultTimeout(10_000);
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return { context, page: await context.newPage() };
  }

  it('logs no content-security-policy error on any page it shows a leader', async () => {
    const { context, page } = await openWindow();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy|unsafe-eval|script-src/i.test(m.text()))
        errors.push(m.text());
    });
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    const violations: string[] = [];
    for (const path of ['/', '/services', '/services/fravaer', '/sager', '/profil', '/organisation']) {
      await page.goto(url(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      violations.push(
        ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
      );
    }
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    // The probe can see a violation: an inline script is refused by the policy.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'void 0';
      document.body.append(s);
    });
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.length),
      )
      .toBeGreaterThan(0);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await context.close();
  }, 120_000);

  it('on a phone, opens the DKFDS menu drawer, reaches every menu link from it, and logs out', async () => {
    const { context, page } = await openWindow(PHONE);
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    const menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    // The desktop menu and "Log ud" in the header are hidden on a phone; the menu button is not.
    expect(await page.locator('.navigation-menu').isVisible()).toBe(false);
    expect(await page.locator('.portal-user').isVisible()).toBe(false);
    await menuButton.click();
    await drawer.waitFor();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    const names = await drawer.locator('nav a').allTextContents();
    expect(names).toEqual([
      'Forside',
      'Bestil en service',
      'Mine sager',
      'Mine papirer',
      'Personalesager',
      'Min profil',
      'Organisation',
    ]);
    for (const name of names) {
      if (!(await drawer.isVisible())) await menuButton.click();
      const link = drawer.getByRole('link', { name, exact: true });
      await link.click();
      // The link leads to its page, and the drawer closes with focus back on the menu button.
      await expect.poll(() => drawer.isVisible()).toBe(false);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(
        PHONE.width,
      );
    }
    expect(page.url()).toBe(url('/organisation'));
    // Escape closes it too.
    await menuButton.click();
    await drawer.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Menu');
    await menuButton.click();
    await drawer.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(url('/login'));
    await page.goto(url('/sager'));
    await page.waitForURL(url('/login'));
    await context.close();
  }, 120_000);

  it("pages a leader's unit list with its count, searches it as she types, and lists it without sideways scrolling on a phone", async () => {
    const { context, page } = await openWindow();
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    await page.goto(url('/sager?view=units'));
    const count = page.locator('.case-count');
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toMatch(/^Viser 1–25 af \d+$/);
    const total = Number((await count.textContent())!.match(/af (\d+)/)![1]);
    expect(total).toBeGreaterThan(25);
    expect(await page.locator('main tbody tr').count()).toBe(25);
    await page.getByRole('navigation', { name: 'Sider' }).getByRole('link', { name: 'Side 2' }).click();
    await expect.poll(() => count.textContent()).toBe(`Viser 26–${Math.min(50, total)} af ${total}`);
    expect(await page.locator('main a[aria-current="page"]').textContent()).toBe('2');
    // The dates are Danish.
    expect(await page.locator('main tbody tr td:nth-child(4)').first().textContent()).toMatch(
      /^\d{1,2}\.\d{1,2}\.\d{4}$/,
    );
    // Typing searches without a button: a word's beginning finds it, its middle does not.
    const search = page.getByLabel('Søg (sagsnummer, navn, enhed, service)');
    await search.pressSequentially('kørsel');
    await expect.poll(() => count.textContent()).toMatch(/^Viser 1–25 af \d+$/);
    expect(page.url()).toContain('q=k%C3%B8rsel');
    await search.fill('rselsgodt');
    await expect.poll(() => count.textContent()).toBe('Viser 0 af 0');
    await page.getByText('Ingen sager passer til søgningen og filtrene.').waitFor();
    await search.fill('');
    await page.getByLabel('Status').selectOption('resolved');
    await expect.poll(() => page.url()).toContain('status=resolved');
    await expect
      .poll(async () => (await page.locator('main tbody .tag').allTextContents()).every((s) => s === 'Løst'))
      .toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const phone = await openWindow(PHONE);
    await demoLogin(phone.page, ctx.platform.url, 'demo-leder');
    await phone.page.goto(url('/sager?view=units'));
    await phone.page.locator('main tbody tr').first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.context.close();
  }, 120_000);

  it('shows a leader what waits on her with counts linking to the filtered list, and offers the auditor nothing to order', async () => {
    const { context, page } = await openWindow();
    await demoLogin(page, ctx.platform.url, 'demo-leder');
    const waiting = page.locator('.waiting');
    await waiting.waitFor();
    expect(await page.getByText(/Du er leder af: [A-ZÆØÅ][^-]+\./).count()).toBe(1);
    expect(await page.getByText('buf-001').count()).toBe(0);
    await waiting.getByRole('link', { name: /venter på svar fra en indberetter/ }).click();
    await page.waitForURL(url('/sager?view=units&status=awaiting_submitter'));
    expect(await page.getByLabel('Status').inputValue()).toBe('awaiting_submitter');
    await context.close();

    for (const viewport of [undefined, PHONE]) {
      const auditor = await openWindow(viewport);
      await demoLogin(auditor.page, ctx.platform.url, 'demo-revisor');
      expect(await auditor.page.locator('a[href="/services"]').count()).toBe(0);
      expect(await auditor.page.getByText('Bestil en service').count()).toBe(0);
      await auditor.page.goto(url('/revision'));
      await auditor.page.locator('main tbody tr').first().waitFor();
      expect(await auditor.page.locator('main tbody').textContent()).not.toMatch(/demo-[a-z]/);
      expect(await seriousViolations(auditor.page)).toEqual([]);
      await auditor.context.close();
    }
  }, 120_000);
});
