import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

const PROGRAMME = '/gevinster/programmer/6f1d1c2e-0000-4000-8000-000000000001';
const PROJECT = '/gevinster/projekter/6f1d1c2e-0000-4000-8000-000000000011';

/** The names of the demo project's owner and benefit owner, as the API answers them (the seed picks them). */
async function ownerNames(page: Page, base: string) {
  const project = (await (
    await page.request.get(`${base}/api/v1/projects/${PROJECT.split('/').at(-1)}`)
  ).json()) as {
    ownerName: string;
    benefitOwnerName: string;
  };
  return project;
}

/** The selects of the page whose chosen option is wider than the select shows (cut off, "Varig ændri"). */
const cutOffSelects = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLSelectElement>('main select')]
      .filter((s) => s.offsetParent !== null)
      .flatMap((s) => {
        const style = getComputedStyle(s);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'pre';
        probe.style.position = 'absolute';
        probe.textContent = s.selectedOptions[0]?.text ?? '';
        document.body.append(probe);
        const needed =
          probe.getBoundingClientRect().width +
          parseFloat(style.paddingLeft) +
          parseFloat(style.paddingRight);
        probe.remove();
        return needed > s.clientWidth + 1
          ? [`${s.getAttribute('aria-label') ?? s.id}: ${probe.textContent}`]
          : [];
      }),
  );

/**
 * What a programme manager edits in the benefit pages, tried in Chromium: owners picked by name, the
 * benefit tree's links drawn as they are added and removed, the business case's save problems, its
 * unsaved-changes warning and its uncut labels, and a KPI month with too few cases left out of the
 * latest value.
 */
describe('editing benefits in the browser', () => {
  const ctx = usePlatformInBrowser({ INDGANG_DEMO_HISTORY: 'true' });

  it('picks the owners of a new project by name and shows their names, not user ids', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-programleder');
    const { benefitOwnerName } = await ownerNames(page, ctx.platform.url);
    await page.goto(`${ctx.platform.url}${PROGRAMME}`);
    await page.getByLabel('Projektnavn').fill('Digitale lønsedler');
    const benefitOwner = page.getByRole('group', { name: 'Gevinstansvarlig', exact: true });
    const owner = page.getByRole('group', { name: 'Projektejer', exact: true });
    // The manager herself is the owner to begin with, by her name, not her user id.
    expect(await owner.getByRole('combobox').locator('option:checked').textContent()).not.toMatch(/^$|demo-/);
    await benefitOwner.getByLabel('Søg efter en person (navn)').fill(benefitOwnerName.split(' ')[0]!);
    await benefitOwner.getByText(/^\d+ fundet/).waitFor();
    await benefitOwner
      .getByRole('combobox', { name: 'Gevinstansvarlig (valgt)' })
      .selectOption({ label: benefitOwnerName });
    expect(await page.getByText('bruger-id').count()).toBe(0);
    expect(await seriousViolations(page), 'programme with the pickers').toEqual([]);
    await page.getByRole('button', { name: 'Opret projekt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digitale lønsedler' }).waitFor();
    await page.locator('dd', { hasText: benefitOwnerName }).first().waitFor();
    // The edit form shows the chosen people by name too.
    const edit = page.getByRole('group', { name: 'Gevinstansvarlig', exact: true });
    expect(await edit.getByRole('combobox').locator('option:checked').textContent()).toBe(benefitOwnerName);
    await page.close();
  });

  it('draws a link of the benefit tree as it is added in the editor and removes it when it is unticked', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-programleder');
    await page.goto(
      `${ctx.platform.url}/gevinster/projekter/6f1d1c2e-0000-4000-8000-000000000012/gevinsttrae`,
    );
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const lines = page.locator('svg.tree-svg line[data-link]');
    const before = await lines.count();
    const add = async (layer: string, label: string) => {
      await page.locator(`#new-${layer}`).fill(label);
      await page.locator(`#new-${layer}`).press('Enter');
    };
    await add('goal', 'Færre fejl i lønnen');
    await add('benefit', 'Færre efterreguleringer');
    await add('benefit', 'Mindre tid på rettelser');
    // Each benefit box lists the goal under "Fører til"; the goal lists both under "Kommer af".
    const column = (name: string) => page.getByRole('region', { name, exact: true }).locator('.tree-node');
    const goal = column('Mål og vision').last();
    const benefits = { 'Færre efterreguleringer': -2, 'Mindre tid på rettelser': -1 } as const;
    const leadsTo = (box: keyof typeof benefits) =>
      column('Gevinster')
        .nth(benefits[box])
        .getByRole('group', { name: 'Fører til' })
        .getByRole('checkbox', { name: 'Færre fejl i lønnen' });
    const comesFrom = (box: keyof typeof benefits) =>
      goal.getByRole('group', { name: 'Kommer af' }).getByRole('checkbox', { name: box });
    await leadsTo('Færre efterreguleringer').check();
    await expect.poll(() => lines.count()).toBe(before + 1);
    await leadsTo('Mindre tid på rettelser').check();
    await expect.poll(() => lines.count()).toBe(before + 2);
    // The second box's link is drawn and shown ticked from the other end as well.
    expect(await comesFrom('Mindre tid på rettelser').isChecked()).toBe(true);
    // Unticked from the goal's side, the first link disappears and the second stays.
    await comesFrom('Færre efterreguleringer').uncheck();
    await expect.poll(() => lines.count()).toBe(before + 1);
    expect(await leadsTo('Færre efterreguleringer').isChecked()).toBe(false);
    expect(await leadsTo('Mindre tid på rettelser').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Gem gevinsttræet' }).click();
    await page.getByText('Gevinsttræet er gemt.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => lines.count()).toBe(before + 1);
    await page.close();
  });

  it('names each problem of a business case once, warns before unsaved edits are lost, and cuts no label', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await demoLogin(page, ctx.platform.url, 'demo-programleder');
    await page.goto(`${ctx.platform.url}${PROJECT}/business-case`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('besparelser og gevinster er negative, udgifter positive').waitFor();
    expect(await cutOffSelects(page), 'desktop').toEqual([]);

    // Two problems: an amount that is not one, and a line without its text.
    await page.getByLabel(/^Linje 1 \(.*\): 2018$/).fill('mange');
    await page.getByLabel(/^Linje 2 \(.*\): tekst$/).fill('');
    await page.getByRole('button', { name: 'Gem business case' }).click();
    const summary = page.getByTestId('bc-save-problems');
    await summary.waitFor();
    expect(await summary.getByRole('listitem').count()).toBe(2);
    const text = (await summary.textContent())!;
    expect(text).toContain('Business casen er ikke gemt. Ret disse 2 problemer:');
    expect(text).toContain('Linje 1 (Varige ændringer');
    expect(text).toContain('), år 2: "mange" er ikke et beløb');
    expect(text).toContain('Linje 2: teksten mangler');
    expect(text).not.toMatch(/lines\.|amounts\.|committees:/);
    // Said once: not again as a warning or as an error from the server.
    expect(await page.getByText('"mange" er ikke et beløb').count()).toBe(1);
    expect(await page.getByText('Ret dette, før tallene kan beregnes').count()).toBe(0);
    expect(await page.getByText('Der er fejl').count()).toBe(0);
    expect(await seriousViolations(page), 'save problems').toEqual([]);
    // Each line leads to its field.
    await summary.getByRole('link', { name: /"mange"/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bc-line-0-amount-1');

    // Leaving by a link in the app asks first; staying keeps the edits.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: /^← / }).click();
    expect(asked).toContain('ikke er gemt');
    expect(page.url()).toMatch(/business-case$/);
    expect(await page.getByLabel(/^Linje 1 \(.*\): 2018$/).inputValue()).toBe('mange');
    // Leaving the app (another address, a reload, closing) asks the browser's own question; staying
    // keeps the page.
    const unload = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    const leaving = page.goto('about:blank').catch(() => null);
    expect(await unload).toBe('beforeunload');
    await leaving;
    expect(page.url()).toMatch(/business-case$/);
    await page.close();
  });

  it('shows the business case editor uncut on a phone, in Danish and English', async () => {
    for (const lang of ['da', 'en']) {
      const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.addInitScript((locale) => localStorage.setItem('indgang.locale', locale), lang);
      const page = await context.newPage();
      await demoLogin(page, ctx.platform.url, 'demo-programleder');
      await page.goto(`${ctx.platform.url}${PROJECT}/business-case`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await cutOffSelects(page), lang).toEqual([]);
      expect(await seriousViolations(page), lang).toEqual([]);
      await context.close();
    }
  });

  it('leaves a month with too few cases out of the latest value and marks it in the chart and the table', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-programleder');
    await page.goto(`${ctx.platform.url}${PROJECT}/kpi`);
    const card = page.getByRole('region', { name: 'Gennemløbstid fra indberetning til løsning' });
    await card.first().waitFor();
    // The current month is not over: marked in the chart and in the table, and not the latest value.
    const now = new Date();
    const month = new Intl.DateTimeFormat('da-DK', { month: 'long', timeZone: 'Europe/Copenhagen' }).format(
      now,
    );
    const row = card.locator('tr.not-counted', { hasText: `${month} ${now.getFullYear()}` });
    await row.first().waitFor({ state: 'attached' });
    expect(await row.first().textContent()).toMatch(/ikke slut|Færre end 5|tæller ikke med/);
    expect(await card.locator('svg [data-not-counted]').count()).toBeGreaterThan(0);
    const latest = (await card.locator('dt:text-is("Seneste") + dd').first().textContent())!;
    expect(latest).not.toContain(`${month} ${now.getFullYear()}`);
    expect(latest).toContain('Seneste hele måned med nok sager');
    // No absurd progress from a month resting on one case.
    const percent = /(-?[\d.,]+) % af vejen/.exec(latest);
    if (percent) expect(Math.abs(Number(percent[1]!.replace('.', '').replace(',', '.')))).toBeLessThan(200);
    await page.close();
  });

  it('shows the auditor the owners by name and no pickers, editor or link boxes to change', async () => {
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-revisor');
    const { ownerName, benefitOwnerName } = await ownerNames(page, ctx.platform.url);
    await page.goto(`${ctx.platform.url}${PROJECT}`);
    await page.locator('dd', { hasText: benefitOwnerName }).first().waitFor();
    await page.locator('dd', { hasText: ownerName }).first().waitFor();
    expect(await page.getByLabel('Søg efter en person (navn)').count()).toBe(0);
    await page.goto(`${ctx.platform.url}${PROJECT}/business-case`);
    await page.getByRole('rowheader', { name: 'Samlet økonomisk påvirkning' }).waitFor();
    expect(await page.locator('.bc-editor').count()).toBe(0);
    await page.goto(`${ctx.platform.url}${PROJECT}/gevinsttrae`);
    await page.locator('svg.tree-svg line[data-link]').first().waitFor({ state: 'attached' });
    const boxes = page.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    expect(await page.locator('input[type="checkbox"]:not([disabled])').count()).toBe(0);
    await page.close();
  });
});
