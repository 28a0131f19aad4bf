import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoLogin, seriousViolations, type AxeViolation } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

/** Where the screenshots go; the README names this folder. */
const SCREENSHOTS = join(new URL('..', import.meta.url).pathname, 'docs', 'screenshots');

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/**
 * Danish on a desktop and a phone, English on a desktop: Danish is the first language and its
 * longer compound words are what would push a phone's page sideways first, so English on a phone
 * adds a quarter to the sweep's time for what the other three already find.
 */
const SWEEPS = [
  ['da', 'desktop', DESKTOP],
  ['da', 'phone', PHONE],
  ['en', 'desktop', DESKTOP],
] as const;

/** A page to sweep: its file name and how to reach it (a path, or one found on the way). */
interface Screen {
  name: string;
  path: string | ((page: Page, pathOf: (screen: string) => string) => Promise<string>);
}

/** The address of the first link in the page at `from` whose address starts with `prefix`. */
async function firstLinkOn(page: Page, from: string, prefix: string): Promise<string> {
  await open(page, from);
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await link.waitFor();
  return (await link.getAttribute('href'))!;
}

/** The first link to `prefix` on a page, or on an earlier screen of the sweep. */
const linkOn =
  (from: string, prefix: string): Screen['path'] =>
  (page, pathOf) =>
    firstLinkOn(page, from.startsWith('/') ? from : pathOf(from), prefix);

/** An earlier screen's address with `suffix` added. */
const below =
  (screen: string, suffix: string): Screen['path'] =>
  (_page, pathOf) =>
    Promise.resolve(`${pathOf(screen)}${suffix}`);

let base = '';

/** Opens a page and waits until it has its heading and nothing more is loading. */
async function open(page: Page, path: string) {
  await page.goto(`${base}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Nothing still says it is loading (Loading's status text).
  await page
    .locator('main [role="status"]', { hasText: /^(Indlæser|Loading) …$/ })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * A screenshot small enough to commit (all of them together about 5 MB): JPEG at quality 60, the
 * whole page when it is at most one and a half screens long, else its first one and a half.
 */
async function screenshot(page: Page, path: string) {
  const { width, height } = page.viewportSize()!;
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path,
    type: 'jpeg',
    quality: 60,
    fullPage: true,
    ...(full > 1.5 * height ? { clip: { x: 0, y: 0, width, height: 1.5 * height } } : {}),
  });
}

/**
 * Visits each screen as `user` in each of SWEEPS' languages and widths: an axe scan of each
 * (WCAG 2.1 A and AA; serious and critical violations fail) and a screenshot into docs/screenshots,
 * named `<page>-<lang>-<desktop|phone>.jpg`.
 */
async function sweep(browser: Browser, user: string, screens: Screen[]) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const found: Record<string, AxeViolation[]> = {};
  // Pages wider than the screen (px): a phone user would have to scroll sideways.
  const sideways: Record<string, number> = {};
  const paths = new Map<string, string>();
  for (const [lang, device, viewport] of SWEEPS) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript((locale) => localStorage.setItem('indgang.locale', locale), lang);
    const page = await context.newPage();
    await demoLogin(page, base, user);
    for (const screen of screens) {
      let path = paths.get(screen.name);
      if (!path) {
        path =
          typeof screen.path === 'string'
            ? screen.path
            : await screen.path(page, (name) => paths.get(name) ?? '/');
        paths.set(screen.name, path);
      }
      await open(page, path);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[`${screen.name} (${path}) ${lang} ${device}`] = violations;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > viewport.width) sideways[`${screen.name} (${path}) ${lang} ${device}`] = width;
      await screenshot(page, join(SCREENSHOTS, `${screen.name}-${lang}-${device}.jpg`));
    }
    await context.close();
  }
  expect({ violations: found, sideways }).toEqual({ violations: {}, sideways: {} });
}

describe('the main pages, swept in Danish and English on a desktop and a phone', () => {
  const ctx = usePlatformInBrowser({ INDGANG_DEMO_HISTORY: 'true' });
  const run = (user: string, screens: Screen[], prepare?: () => Promise<void>) => async () => {
    base = ctx.platform.url;
    await prepare?.();
    await sweep(ctx.browser, user, screens);
  };

  /** A salary change the leader sends for one of her staff: an open case in the payroll team's queue. */
  const openPayrollCase = async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await demoLogin(page, base, 'demo-leder');
    const { csrfToken } = (await (await page.request.get(`${base}/api/v1/me`)).json()) as {
      csrfToken: string;
    };
    const unit = (await (await page.request.get(`${base}/api/v1/org/units/buf-001`)).json()) as {
      employees: Array<{ personId: string }>;
    };
    const sent = await page.request.post(`${base}/api/v1/cases`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        serviceId: 'loen-aendring',
        answers: {
          change: {
            person: unit.employees[0]!.personId,
            kind: 'hours',
            effectiveDate: '2027-02-01',
            newHours: 30,
          },
        },
      },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    await context.close();
  };

  /** A mileage claim a teacher sends: it waits for her leader's approval once the process has started. */
  const claimForApproval = async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await demoLogin(page, base, 'demo-medarbejder');
    const { csrfToken } = (await (await page.request.get(`${base}/api/v1/me`)).json()) as {
      csrfToken: string;
    };
    const sent = await page.request.post(`${base}/api/v1/cases`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        serviceId: 'koerselsgodtgoerelse',
        answers: {
          trips: [
            {
              date: new Date().toISOString().slice(0, 10),
              from: 'Skolen',
              to: 'Rådhuset',
              km: '14',
              purpose: 'Møde',
            },
          ],
        },
        confirmNotDuplicate: true,
      },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    await context.close();
  };

  it(
    'as a school leader: start, services, a form, her cases, her approvals, a case to approve and her profile',
    run(
      'demo-leder',
      [
        { name: 'start', path: '/' },
        { name: 'services', path: '/services' },
        { name: 'service-form', path: '/services/fravaer' },
        { name: 'cases', path: '/sager' },
        { name: 'case', path: linkOn('/sager', '/sager/') },
        { name: 'approvals', path: '/sager?view=approvals' },
        { name: 'approval', path: linkOn('/sager?view=approvals', '/sager/') },
        { name: 'profile', path: '/profil' },
        { name: 'papers', path: '/papirer' },
        { name: 'staff-files', path: '/personalesager' },
      ],
      claimForApproval,
    ),
    300_000,
  );

  it(
    "as a payroll caseworker: the team's queue and a case",
    run(
      'demo-sagsbehandler-loen',
      [
        { name: 'caseworker-start', path: '/' },
        { name: 'queue', path: '/sagsbehandling' },
        { name: 'work-case', path: linkOn('/sagsbehandling', '/sagsbehandling/sager/') },
        { name: 'watch-list', path: '/sagsbehandling/obsliste' },
      ],
      openPayrollCase,
    ),
    300_000,
  );

  it(
    "as a team lead: today's board of her team",
    run('demo-teamleder', [{ name: 'team-board', path: '/tavle' }]),
    300_000,
  );

  it(
    'as the process owner: the automation figures per service and step',
    run('demo-procesejer', [{ name: 'automation', path: '/automatisering' }]),
    300_000,
  );

  it(
    'as a configurator: processes, a process as a diagram, decision tables and a table',
    run('demo-konfigurator', [
      { name: 'processes', path: '/processer' },
      { name: 'process', path: '/processer/koerselsgodtgoerelse' },
      { name: 'decision-tables', path: '/beslutningstabeller' },
      { name: 'decision-table', path: '/beslutningstabeller/kilometertakst' },
    ]),
    300_000,
  );

  it('as the auditor: the audit trail', run('demo-revisor', [{ name: 'audit', path: '/revision' }]), 300_000);

  it(
    'as a programme manager: programmes, a programme, a project and its business case, tree, KPIs and report',
    run('demo-programleder', [
      { name: 'benefits', path: '/gevinster' },
      { name: 'programme', path: linkOn('/gevinster', '/gevinster/programmer/') },
      { name: 'programme-report', path: below('programme', '/rapport') },
      { name: 'project', path: linkOn('programme', '/gevinster/projekter/') },
      { name: 'business-case', path: below('project', '/business-case') },
      { name: 'benefit-tree', path: below('project', '/gevinsttrae') },
      { name: 'kpi', path: below('project', '/kpi') },
      { name: 'calculators', path: '/gevinster/beregnere' },
    ]),
    300_000,
  );

  it(
    'as the administrator: organisation, import, data protection, operations and robots',
    run(
      'demo-admin',
      [
        { name: 'organisation', path: '/organisation' },
        { name: 'import', path: '/import' },
        { name: 'privacy', path: '/databeskyttelse' },
        { name: 'operations', path: '/drift' },
        { name: 'robots', path: '/robotter' },
      ],
      async () => {
        // A mail job given up on a case and one still failing, so the operations page shows both.
        await ctx.platform.database.pool.query(`
        INSERT INTO jobs (kind, payload, case_id, attempts, max_attempts, dead_at, run_at, last_error)
        SELECT 'mail.case', jsonb_build_object('caseId', id, 'kind', 'resolved'), id, 5, 5, now(), now() - interval '10 minutes',
               'Error: 550 5.1.1 mailbox unavailable'
        FROM (SELECT id FROM cases ORDER BY submitted_at DESC LIMIT 1) c
        UNION ALL
        SELECT 'mail.case', jsonb_build_object('caseId', id, 'kind', 'message'), id, 2, 5, NULL, now() + interval '4 minutes',
               'Error: connect ETIMEDOUT smtp.kommune.test:587'
        FROM (SELECT id FROM cases ORDER BY submitted_at DESC OFFSET 1 LIMIT 1) c`);
      },
    ),
    300_000,
  );
});
