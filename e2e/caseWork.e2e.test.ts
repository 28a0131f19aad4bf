import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';
import { newHireAnswers } from '@indgang/server/testing';

const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
/** A 1×1 PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * A new hire of a teacher as a civil servant (its terms wait for a caseworker) sent by the
 * logged-in leader through the API, with a diploma as a PDF and a work permit as a PNG.
 */
async function submitHire(page: Page, cpr: string): Promise<{ id: string; number: string }> {
  const hire = newHireAnswers({
    person: { firstName: 'Sofie', lastName: 'Ny', cpr, nationality: 'other' },
    position: { startDate: '2027-08-01', employmentForm: 'tjenestemand' },
    pay: { pension: 'civilServant', seniorityDate: '2019-08-01' },
    // Pupils of 15 and older (the upper grades): no child certificate, so the hire runs to its end.
    certificates: { worksWithChildren: 'yes', youngestChildAge: '15' },
  });
  return page.evaluate(
    async ({ hire, pdf, png }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const headers = { 'x-csrf-token': me.csrfToken };
      const upload = async (name: string, type: string, body: Blob) =>
        (
          (await (
            await fetch(`/api/v1/attachments?fileName=${name}`, {
              method: 'POST',
              headers: { ...headers, 'content-type': type },
              body,
            })
          ).json()) as { id: string }
        ).id;
      const diploma = await upload('eksamensbevis.pdf', 'application/pdf', new Blob([pdf]));
      const permit = await upload(
        'opholdstilladelse.png',
        'image/png',
        new Blob([Uint8Array.from(atob(png), (ch) => ch.charCodeAt(0))]),
      );
      const answers = { ...hire, documents: { education: [diploma], workPermit: [permit] } };
      const response = await fetch('/api/v1/cases', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ serviceId: 'ansaettelse', answers }),
      });
      if (response.status !== 201) throw new Error(await response.text());
      return (await response.json()) as { id: string; number: string };
    },
    { hire, pdf: PDF, png: PNG },
  );
}

/** Posts straight to the server as the logged-in user, as a stale or hand-made request would. */
function postAs(page: Page, path: string, body: unknown): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ({ path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method: 'POST',
        headers: {
          'x-csrf-token': me.csrfToken,
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    },
    { path, body },
  );
}

/** A logged-in page in a language at a width. */
async function pageAs(browser: Browser, base: string, user: string, lang: 'da' | 'en' = 'da', phone = false) {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  await context.addInitScript((locale) => localStorage.setItem('indgang.locale', locale), lang);
  const page = await context.newPage();
  await demoLogin(page, base, user);
  return page;
}

/** Opens a page and waits until nothing more loads. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Whether the page scrolls sideways (wider than the window). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/**
 * Working a case on both sides in Chromium: the payroll caseworker's queue and case view, and the
 * school leader's case page, through a return with a reply template, an answer, the resolution with
 * one of the service's outcomes and the reopening.
 */
describe('case work on both sides', () => {
  const ctx = usePlatformInBrowser();
  const a11y = async (page: Page, where: string) => expect(await seriousViolations(page), where).toEqual([]);
  let hire: { id: string; number: string };
  let leader: Page;
  let caseworker: Page;
  const workUrl = () => `${ctx.platform.url}/sagsbehandling/sager/${hire.id}`;
  const caseUrl = () => `${ctx.platform.url}/sager/${hire.id}`;

  it('shows the queue with names, time left and sortable columns, linking to each case', async () => {
    leader = await pageAs(ctx.browser, ctx.platform.url, 'demo-leder');
    hire = await submitHire(leader, '000190-0201');
    await submitHire(leader, '000290-0202');
    caseworker = await pageAs(ctx.browser, ctx.platform.url, 'demo-sagsbehandler-loen');
    await open(caseworker, `${ctx.platform.url}/sagsbehandling`);
    const row = caseworker.getByRole('row', { name: new RegExp(hire.number) });
    await row.waitFor();
    const text = (await row.textContent())!;
    expect(text).toContain('Ansættelse af ny medarbejder');
    expect(text).toContain('Skole Nørrebro');
    expect(text).toContain('5 arbejdsdage tilbage');
    expect(text).not.toMatch(/ansaettelse|buf-001/);
    // The links the screenshot sweep follows from the queue to a case.
    expect(await caseworker.locator('main a[href^="/sagsbehandling/sager/"]').count()).toBe(2);
    const numberColumn = caseworker.getByRole('columnheader', { name: /Sagsnummer/ });
    expect(await numberColumn.getAttribute('aria-sort')).toBe('none');
    expect(
      await caseworker.getByRole('columnheader', { name: /Tid tilbage/ }).getAttribute('aria-sort'),
    ).toBe('ascending');
    await numberColumn.getByRole('button').click();
    await expect.poll(() => numberColumn.getAttribute('aria-sort')).toBe('ascending');
    await numberColumn.getByRole('button').click();
    await expect.poll(() => numberColumn.getAttribute('aria-sort')).toBe('descending');
    const numbers = await caseworker.locator('tbody tr td:first-child').allTextContents();
    expect(numbers).toEqual([...numbers].sort().reverse());
    await a11y(caseworker, 'queue');
  });

  it('shows the case with its clock and one list of documents that previews PDFs and images', async () => {
    await open(caseworker, workUrl());
    expect(await caseworker.getByRole('heading', { name: 'Dokumenter' }).count()).toBe(1);
    const clock = caseworker.getByTestId('case-clock');
    expect(await clock.textContent()).toMatch(/5 arbejdsdage tilbage.*Forventet færdig \d+\.\d+\.\d{4}/);
    expect(await clock.textContent()).toContain('Normtid 5 arbejdsdage');
    await caseworker.getByRole('button', { name: 'Vis eksamensbevis.pdf' }).click();
    const frame = caseworker.locator('iframe[title="Forhåndsvisning af eksamensbevis.pdf"]');
    expect(await frame.getAttribute('src')).toMatch(/^\/api\/v1\/attachments\/[^/]+\?view=inline$/);
    await caseworker.getByRole('button', { name: 'Vis opholdstilladelse.png' }).click();
    const image = caseworker.getByRole('img', { name: 'Forhåndsvisning af opholdstilladelse.png' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/\?view=inline$/);
    await a11y(caseworker, 'case view with previews');
    // Closing the PDF preview removes it (Chromium's viewer would otherwise take the focus whenever it
    // finishes loading, racing the next test's check of where the focus goes).
    await caseworker.getByRole('button', { name: 'Skjul visning' }).first().click();
    await expect.poll(() => frame.count()).toBe(0);
  });

  it('refuses a return without a reason, and a template with an unfilled field, naming what is missing', async () => {
    await caseworker.getByLabel('Send retur for oplysninger', { exact: true }).check();
    await caseworker.getByRole('button', { name: 'Send retur' }).click();
    const reasonError = 'Vælg en årsag til, at sagen sendes retur.';
    await caseworker.getByText(reasonError).waitFor();
    expect(await caseworker.getByText(reasonError).count()).toBe(1);
    expect(await caseworker.getByText(/reasonCode|Ukendt årsag/).count()).toBe(0);
    // The focus moves to the field (a PDF preview still loading may take it back later, as Chromium's
    // viewer takes the focus when it is ready).
    await expect
      .poll(() =>
        caseworker.getByLabel('Årsag', { exact: true }).evaluate((e) => e === document.activeElement),
      )
      .toBe(true);

    await caseworker.getByLabel('Årsag', { exact: true }).selectOption({ label: 'Manglende dokumentation' });
    await caseworker.getByLabel('Skabelon', { exact: true }).selectOption({ label: 'Manglende dokument' });
    const text = caseworker.getByLabel('Tekst til indberetteren', { exact: true });
    // The case's merge fields are filled in; the one the caseworker must write is asked for.
    expect(await text.inputValue()).toContain(`sag ${hire.number} (Ansættelse af ny medarbejder)`);
    expect(await text.inputValue()).toContain('{{document}}');
    await caseworker.getByRole('button', { name: 'Send retur' }).click();
    await caseworker.getByText(/Udfyld »Hvilket dokument mangler\?«/).waitFor();
    await a11y(caseworker, 'return form with errors');

    // The server refuses the same unfilled text too, naming the field.
    const current = await caseworker.evaluate(
      async (id) =>
        ((await (await fetch(`/api/v1/backoffice/cases/${id}`)).json()) as { version: number }).version,
      hire.id,
    );
    const refused = await postAs(caseworker, `/api/v1/backoffice/cases/${hire.id}/return`, {
      reasonCode: 'missing-document',
      message: 'Vi mangler {{document}}.',
      expectedVersion: current,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('{{document}}');

    await caseworker
      .getByLabel('Hvilket dokument mangler?', { exact: true })
      .fill('et læsbart eksamensbevis');
    expect(await text.inputValue()).toContain('Vi mangler et læsbart eksamensbevis for at kunne behandle');
    expect(await text.inputValue()).not.toContain('{{');
    // A double click sends it once.
    await caseworker.getByRole('button', { name: 'Send retur' }).dblclick();
    await caseworker.getByText('Sagen er sendt retur').first().waitFor();
    await expect
      .poll(() => caseworker.getByTestId('case-status').textContent())
      .toContain('Afventer indsender');
    expect(await caseworker.getByText('Sagen er sendt retur', { exact: false }).count()).toBeGreaterThan(0);
    expect(await caseworker.locator('.timeline li', { hasText: 'Vi mangler et læsbart' }).count()).toBe(1);
    // The form is empty again and back at the note.
    await caseworker.getByLabel('Send retur for oplysninger', { exact: true }).check();
    expect(await caseworker.getByLabel('Årsag', { exact: true }).inputValue()).toBe('');
    expect(await text.inputValue()).toBe('');
    // The clock stands still while the leader answers.
    expect(await caseworker.getByTestId('case-clock').textContent()).toContain(
      'Uret står stille, mens sagen venter på indsenderen',
    );
    await a11y(caseworker, 'returned case');
  });

  it('shows the leader her own status words, the paused clock and Danish dates, and she answers', async () => {
    await open(leader, `${ctx.platform.url}/sager`);
    await leader
      .getByRole('row', { name: new RegExp(hire.number) })
      .getByText('Afventer dig')
      .waitFor();
    await open(leader, caseUrl());
    expect(await leader.getByTestId('case-status').textContent()).toContain('Afventer dig');
    expect(await leader.getByTestId('case-clock').textContent()).toContain(
      'Uret står stille, mens sagen venter på dit svar',
    );
    await leader.getByText('Vi mangler et læsbart eksamensbevis').waitFor();
    expect(await leader.getByText('{{').count()).toBe(0);
    // The first working day as the timeline writes dates, not 2027-08-01.
    expect(await leader.getByText('1.8.2027', { exact: true }).count()).toBe(1);
    expect(await leader.getByText('2027-08-01').count()).toBe(0);
    expect(await leader.getByRole('heading', { name: 'Dokumenter' }).count()).toBe(1);
    await a11y(leader, 'case awaiting her answer');
    await leader.getByLabel('Besked', { exact: true }).fill('Her er et nyt eksamensbevis.');
    await leader.getByRole('button', { name: 'Send', exact: true }).click();
    await leader.getByText('Beskeden er sendt til sagen.').waitFor();
  });

  it('marks the answered case in the queue', async () => {
    await open(caseworker, `${ctx.platform.url}/sagsbehandling`);
    const row = caseworker.getByRole('row', { name: new RegExp(hire.number) });
    await row.getByTestId('queue-activity').waitFor();
    expect(await row.getByTestId('queue-activity').textContent()).toMatch(/^Nyt svar \d+\.\d+\.\d{4}$/);
    // Sorting by status puts the answered case first.
    await caseworker
      .getByRole('columnheader', { name: /Status/ })
      .getByRole('button')
      .click();
    expect(await caseworker.locator('tbody tr').first().textContent()).toContain(hire.number);
  });

  it('resolves with one of the service’s outcomes, shown on both sides', async () => {
    await open(caseworker, workUrl());
    await caseworker.getByLabel('Løs sagen', { exact: true }).check();
    const outcome = caseworker.getByLabel('Udfald', { exact: true });
    const labels = await outcome.locator('option').allTextContents();
    expect(labels).toContain('Ansættelsen er oprettet i lønsystemet');
    expect(labels.join(' ')).not.toMatch(/created|withdrawn/);
    await caseworker.getByLabel('Skabelon', { exact: true }).selectOption({ label: 'Sagen er løst' });
    await caseworker.getByRole('button', { name: 'Løs sagen' }).click();
    await caseworker.getByText('Vælg sagens udfald.').waitFor();
    await outcome.selectOption({ label: 'Ansættelsen er oprettet i lønsystemet' });
    await caseworker.getByRole('button', { name: 'Løs sagen' }).click();
    await caseworker.getByText('Sagen er løst.').first().waitFor();
    // The terms checked, payroll, IT, the letter and the filing follow by themselves; then it is resolved.
    await expect
      .poll(
        async () => {
          await caseworker.reload();
          return caseworker.getByTestId('case-clock').textContent();
        },
        { timeout: 45_000, interval: 1000 },
      )
      .toContain('uret er stoppet');
    expect(await caseworker.getByTestId('case-outcome').textContent()).toBe(
      'Ansættelsen er oprettet i lønsystemet',
    );
    await a11y(caseworker, 'resolved case');

    await open(leader, caseUrl());
    expect(await leader.getByTestId('case-outcome').textContent()).toBe(
      'Ansættelsen er oprettet i lønsystemet',
    );
    await leader
      .getByText(new RegExp(`Sag ${hire.number} \\(Ansættelse af ny medarbejder\\) er nu løst`))
      .waitFor();
  });

  it('offers reopening only within the period, and says why when the server refuses it', async () => {
    await leader.getByRole('button', { name: 'Genåbn sagen' }).waitFor();
    expect(await leader.getByText(/Du kan genåbne sagen til og med \d+\.\d+\.\d{4}\./).count()).toBe(1);

    // The same case in a second tab, then reopened in the first: the second tab's click is refused.
    const second = await leader.context().newPage();
    await open(second, caseUrl());
    await leader.getByRole('button', { name: 'Genåbn sagen' }).click();
    await leader.getByText('Sagen er genåbnet og går tilbage til Koncernservice.').waitFor();
    await second.getByRole('button', { name: 'Genåbn sagen' }).click();
    const refusal = second.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/løst|resolved/);
    // Shown beside the button the leader pressed, inside the window.
    const box = (await refusal.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await a11y(second, 'reopen refused');
    await second.close();

    // Resolved again, and looked at two months later: past the period nothing is offered.
    await open(caseworker, workUrl());
    await caseworker.getByLabel('Løs sagen', { exact: true }).check();
    await caseworker
      .getByLabel('Udfald', { exact: true })
      .selectOption({ label: 'Ansættelsen er oprettet i lønsystemet' });
    await caseworker.getByLabel('Tekst til indberetteren', { exact: true }).fill('Nu er den oprettet.');
    await caseworker.getByRole('button', { name: 'Løs sagen' }).click();
    await caseworker.getByText('Sagen er løst.').first().waitFor();
    const later = await leader.context().newPage();
    await later.clock.setFixedTime(new Date(Date.now() + 60 * 86_400_000));
    await open(later, caseUrl());
    await later.getByTestId('reopen-closed').waitFor();
    expect(await later.getByTestId('reopen-closed').textContent()).toMatch(
      /^Sagen kunne genåbnes til og med \d+\.\d+\.\d{4}\./,
    );
    expect(await later.getByRole('button', { name: 'Genåbn sagen' }).count()).toBe(0);
    await later.close();
  });

  it('is readable in English and on a phone, without sideways scrolling, on both sides', async () => {
    for (const lang of ['da', 'en'] as const) {
      const phoneWorker = await pageAs(ctx.browser, ctx.platform.url, 'demo-sagsbehandler-loen', lang, true);
      await open(phoneWorker, `${ctx.platform.url}/sagsbehandling`);
      await phoneWorker.locator('main a[href^="/sagsbehandling/sager/"]').first().waitFor();
      expect(await scrollsSideways(phoneWorker), `queue ${lang} phone`).toBe(false);
      await a11y(phoneWorker, `queue ${lang} phone`);
      await open(phoneWorker, workUrl());
      expect(await scrollsSideways(phoneWorker), `case view ${lang} phone`).toBe(false);
      await a11y(phoneWorker, `case view ${lang} phone`);
      await phoneWorker.context().close();

      const phoneLeader = await pageAs(ctx.browser, ctx.platform.url, 'demo-leder', lang, true);
      await open(phoneLeader, caseUrl());
      expect(await scrollsSideways(phoneLeader), `case ${lang} phone`).toBe(false);
      await a11y(phoneLeader, `case ${lang} phone`);
      await phoneLeader.context().close();
    }
    const english = await pageAs(ctx.browser, ctx.platform.url, 'demo-sagsbehandler-loen', 'en');
    await open(english, `${ctx.platform.url}/sagsbehandling`);
    const row = english.locator('.queue-table tbody tr').first();
    expect(await row.textContent()).toMatch(/Hiring a new employee/);
    expect(await row.textContent()).toContain('working days left');
    await open(english, workUrl());
    expect(await english.getByTestId('case-outcome').textContent()).toBe(
      'The employment is set up in the payroll system',
    );
    await a11y(english, 'resolved case in English');
    await english.context().close();
    await leader.context().close();
    await caseworker.context().close();
  });
});
