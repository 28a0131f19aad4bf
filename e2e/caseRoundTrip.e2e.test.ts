import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayInDenmark } from '@indgang/domain';
import { demoLogin, seriousViolations } from './support/browser';
import { usePlatformInBrowser } from './support/usePlatformInBrowser';

const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';
/** A hire the simulated CPR knows (a made-up person, day 00); CPR gives the middle name with the first names. */
const HIRE = { cpr: '000604-4118', firstName: 'Mathilde Krogh', lastName: 'Nielsen' };

/** Posts as the logged-in user, as the browser app does (CSRF token, idempotency key). */
async function postAs(page: Page, path: string, body: unknown) {
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
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    { path, body },
  );
}

/**
 * A new hire in Chromium from the CPR lookup to the filed letter: a school leader hires a teacher
 * as a civil servant (HR checks such terms first), fetching her name and address from CPR; the
 * form names the missing diploma; the payroll caseworker returns the case for a readable diploma
 * and lets it through; a robot orders the child certificate; payroll, the IT account, the letter
 * by Digital Post and the filing in the personnel file follow by themselves, and the leader follows
 * each step on her case.
 */
describe('a new hire from request to resolution', () => {
  const ctx = usePlatformInBrowser();
  const a11y = async (page: Page, where: string) => expect(await seriousViolations(page), where).toEqual([]);

  it('goes from the CPR lookup through the caseworker and the systems to the filed letter', async () => {
    const education = join(ctx.platform.dataDir, 'eksamensbevis.pdf');
    await writeFile(education, PDF);
    const startDate = addDays(todayInDenmark(), 60);

    const leader = await ctx.browser.newPage();
    await demoLogin(leader, ctx.platform.url, 'demo-leder');
    await leader.getByRole('link', { name: 'Bestil en service' }).first().click();
    await leader.getByLabel('Søg i services', { exact: true }).fill('ansættelser');
    await leader.getByRole('button', { name: 'Søg' }).click();
    await leader.getByRole('link', { name: 'Ansættelse af ny medarbejder' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Ansættelse af ny medarbejder' }).waitFor();
    await a11y(leader, 'service form');
    expect(await leader.getByText('Første gang? Gå frem i rækkefølge').count()).toBe(1);

    // The person: the CPR number, then name and address from CPR, not typed.
    await leader.getByLabel('CPR-nummer', { exact: true }).fill(HIRE.cpr);
    await leader.getByRole('button', { name: 'Hent navn og adresse fra CPR' }).click();
    await expect
      .poll(() => leader.getByLabel('Fornavn(e)', { exact: true }).inputValue())
      .toBe(HIRE.firstName);
    expect(await leader.getByLabel('Efternavn', { exact: true }).inputValue()).toBe(HIRE.lastName);
    expect(await leader.getByLabel(/^Adresse/).inputValue()).toMatch(/9999 Eksempelby/);
    await leader.getByLabel('Dansk', { exact: true }).check();

    // The position, the pay and terms, IT and certificates.
    await leader.getByLabel('Enhed', { exact: true }).selectOption('buf-001');
    await leader.getByLabel('Stillingsbetegnelse', { exact: true }).fill('Lærer');
    await leader.getByLabel('Overenskomst', { exact: true }).selectOption('laerere');
    await leader.getByLabel('Tjenestemand', { exact: true }).check();
    await leader.getByLabel('Timer pr. uge', { exact: true }).fill('37');
    await leader.getByLabel('Første arbejdsdag', { exact: true }).fill(startDate);
    await leader.getByLabel('Løntrin', { exact: true }).fill('35');
    await leader.getByLabel('Lønanciennitetsdato', { exact: true }).fill(startDate);
    await leader.getByLabel('3 måneder', { exact: true }).check();
    await leader.getByLabel('Tjenestemandspension', { exact: true }).check();
    await leader.getByLabel('Bærbar pc', { exact: true }).check();
    await leader.getByRole('button', { name: 'Tilføj systemrolle' }).click();
    await leader.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Aula - Medarbejder' });
    await leader.getByLabel('Ja', { exact: true }).check();
    await leader.getByLabel(/^Det yngste barns alder/).fill('6');
    // Consent to the child certificate is given in Digital Post after the order, not on paper.
    expect(await leader.locator('.document-list').textContent()).not.toContain('Samtykke');

    await leader.getByRole('button', { name: 'Send' }).click();
    const summary = leader.getByTestId('error-summary');
    await summary.getByText('Formularen har 1 fejl').waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Dokumentation mangler: Eksamensbevis eller uddannelsesdokumentation.',
    ]);
    await leader
      .getByLabel('Eksamensbevis eller uddannelsesdokumentation', { exact: true })
      .setInputFiles(education);
    await leader.getByText(/Kladde gemt kl\./).waitFor();
    await a11y(leader, 'service form filled');
    await leader.getByRole('button', { name: 'Send' }).click();
    await leader.getByText('Tak – din sag er modtaget').waitFor();
    const number = (await leader.getByRole('heading', { level: 1 }).textContent())!.replace('Sag ', '');
    expect(number).toMatch(/^IND-\d{4}-\d{6}$/);
    await a11y(leader, 'receipt');

    // The payroll caseworker checks a civil servant's terms.
    const caseworker = await ctx.browser.newPage();
    await demoLogin(caseworker, ctx.platform.url, 'demo-sagsbehandler-loen');
    await caseworker.getByRole('link', { name: 'Sagsbehandling' }).first().click();
    await caseworker.getByRole('cell', { name: number }).waitFor();
    await a11y(caseworker, 'queue');
    await caseworker.getByRole('button', { name: 'Tag næste sag' }).click();
    await caseworker.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    await a11y(caseworker, 'case view');
    // The CPR number is masked until the caseworker asks for it, which is logged.
    await caseworker.getByText('000604-XXXX').first().waitFor();
    expect(await caseworker.getByText(HIRE.cpr).count()).toBe(0);
    await caseworker.getByRole('button', { name: 'Vis CPR-nummer og følsomme oplysninger' }).click();
    await caseworker.getByText(HIRE.cpr).first().waitFor();
    await caseworker.getByLabel('Internt notat', { exact: true }).first().check();
    await caseworker
      .getByLabel('Notat (vises ikke for indberetteren)', { exact: true })
      .fill('Intern: ring evt. til skolen');
    await caseworker.getByRole('button', { name: 'Gem notat' }).click();
    await caseworker.getByText('Notatet er gemt.').waitFor();
    await caseworker.getByLabel('Send retur for oplysninger', { exact: true }).check();
    await caseworker.getByLabel('Årsag', { exact: true }).selectOption('missing-document');
    await caseworker.getByLabel('Skabelon', { exact: true }).selectOption('missing-document');
    await caseworker
      .getByLabel('Tekst til indberetteren', { exact: true })
      .fill('Eksamensbeviset kan ikke læses. Vedhæft det igen.');
    await caseworker.getByRole('button', { name: 'Send retur' }).click();
    await caseworker.getByText('Sagen er sendt retur').waitFor();

    await leader.goto(`${ctx.platform.url}/sager`);
    await leader
      .getByRole('row', { name: new RegExp(number) })
      .getByText('Afventer dig')
      .waitFor();
    await a11y(leader, 'my cases');
    await leader.getByRole('link', { name: number }).click();
    await leader.getByText('Eksamensbeviset kan ikke læses').waitFor();
    expect(await leader.getByText(HIRE.cpr).count()).toBe(0);
    expect(await leader.getByText('Intern: ring').count()).toBe(0);
    await a11y(leader, 'case awaiting answer');
    await leader.getByLabel('Besked', { exact: true }).fill('Her er et nyt eksamensbevis.');
    await leader.getByLabel('Vedhæft fil (frivilligt)', { exact: true }).setInputFiles(education);
    await leader.getByRole('button', { name: 'Send', exact: true }).click();
    await leader.getByText('Beskeden er sendt til sagen.').waitFor();

    // The caseworker lets the terms through; the systems take it from there.
    await caseworker.reload();
    await caseworker.getByText('Svar fra indberetter').waitFor();
    await caseworker.getByLabel('Løs sagen', { exact: true }).check();
    await caseworker
      .getByLabel('Udfald', { exact: true })
      .selectOption({ label: 'Ansættelsen er oprettet i lønsystemet' });
    await caseworker
      .getByLabel('Tekst til indberetteren', { exact: true })
      .fill('Vilkårene er kontrolleret. Ansættelsen oprettes nu i lønsystemet og it.');
    await caseworker.getByRole('button', { name: 'Løs sagen' }).click();
    await caseworker
      .getByText(/Sagen er løst|Opgaven er afsluttet/)
      .first()
      .waitFor();

    // A robot orders the child certificate (the police's system is not part of the test).
    const admin = await ctx.browser.newPage();
    await demoLogin(admin, ctx.platform.url, 'demo-admin');
    const credential = await postAs(admin, '/api/v1/robots', {
      name: 'Attestrobot',
      topics: ['boerneattest.bestil'],
    });
    expect(credential.status).toBe(201);
    const robot = (path: string, body: unknown) =>
      fetch(`${ctx.platform.url}/api/robot/v1${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${String(credential.json.token)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));
    const fetched = await robot('/work-items/fetch-and-lock', { topic: 'boerneattest.bestil', maxItems: 1 });
    const [item] = fetched.json.items as Array<{ id: string; payload: { answers: Record<string, unknown> } }>;
    expect(item!.payload.answers).toMatchObject({ firstName: HIRE.firstName, lastName: HIRE.lastName });
    expect(
      (await robot(`/work-items/${item!.id}/complete`, { output: { orderReference: 'BA-1' } })).status,
    ).toBe(200);
    await admin.close();

    // The leader follows the setup to the end on her case.
    await leader.reload();
    await expect
      .poll(
        async () => {
          await leader.reload();
          return leader.getByTestId('case-step').textContent();
        },
        { timeout: 45_000, interval: 1000 },
      )
      .toContain('Sagen er afsluttet');
    expect(await leader.getByTestId('case-outcome').textContent()).toBe(
      'Ansættelsen er oprettet i lønsystemet',
    );
    const page = (await leader.locator('main').textContent())!;
    for (const step of [
      'Kontrol af vilkår · Trine Knudsen',
      'Ansættelse oprettet i lønsystemet · Automatisk',
      'It-konto og roller · Automatisk',
      'Ansættelsesbrev i Digital Post · Automatisk',
      'Bestilling af børneattest · Robot: Attestrobot',
      'Journaliseret i personalesagen · Automatisk',
    ])
      expect(page, `${step} in: ${page}`).toContain(step);
    await a11y(leader, 'resolved case');
    await leader.close();
    await caseworker.close();
  });
});
