import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

const HEADER = 'employee_number;first_name;last_name;unit_id;position;agreement;weekly_hours;start_date';

describe('organisation import in the browser', () => {
  const ctx = usePlatformInBrowser();

  it('lists the errors of a bad file by row and column and changes nothing', async () => {
    const file = join(ctx.platform.dataDir, 'fejl.csv');
    await writeFile(
      file,
      [
        HEADER,
        '900001;Eva;Test;buf-001;Lærer;OK;37;2026-01-01',
        '900002;Bo;Test;findes-ikke;Lærer;OK;37;2026-13-01',
      ].join('\n'),
    );
    const before = (await ctx.platform.database.pool.query('SELECT count(*)::int AS n FROM persons')).rows[0]
      .n;
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-admin');
    await page.getByRole('link', { name: 'Import af organisation' }).first().click();
    await page.getByLabel('Vælg fil (CSV eller JSON)').setInputFiles(file);
    await page.getByRole('button', { name: 'Indlæs' }).click();
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(/^3unit_id.*findes ikke/),
      expect.stringMatching(/^3start_date.*gyldig dato/),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    expect((await ctx.platform.database.pool.query('SELECT count(*)::int AS n FROM persons')).rows[0].n).toBe(
      before,
    );
    await page.close();
  });

  it('imports a large file with a progress bar and reports what it did', async () => {
    const file = join(ctx.platform.dataDir, 'stor.csv');
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `${910000 + i};Navn;Efternavn${i};buf-00${1 + (i % 9)};Lærer;Lærere m.fl.;37;2025-08-01`,
    );
    await writeFile(file, [HEADER, ...rows].join('\n'));
    const page = await ctx.browser.newPage();
    await demoLogin(page, ctx.platform.url, 'demo-admin');
    await page.goto(`${ctx.platform.url}/import`);
    await page.getByLabel('Vælg fil (CSV eller JSON)').setInputFiles(file);
    await page.getByRole('button', { name: 'Indlæs' }).click();
    await page.locator('progress').waitFor();
    await page.getByText('Importen er gennemført: 0 enheder, 3000 personer, 3000 ansættelser.').waitFor();
    expect(
      (
        await ctx.platform.database.pool.query(
          "SELECT count(*)::int AS n FROM persons WHERE employee_number LIKE '91%'",
        )
      ).rows[0].n,
    ).toBe(3000);
    await page.close();
  });
});
