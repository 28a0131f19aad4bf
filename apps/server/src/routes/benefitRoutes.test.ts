import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@indgang/db';
import { createTestApp, type TestApp, type TestClient } from '../testing/createTestApp';

const targets = await testDatabaseTargets();

/** The text a PDF shows: its content streams inflated, the hex strings of the text operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g))
      text += `${[...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join('')}\n`;
  }
  return text;
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const bc01 = {
  title: 'BC01',
  priceLevel: 2017,
  firstYear: 2017,
  lines: [
    { label: 'Service', kind: 'permanent', area: 'service', amounts: [0, -3750, -6861, -6861, -6861] },
    { label: 'Anlæg', kind: 'implementation', area: 'capital', amounts: [6175, 12201, 9028, 0, 0] },
    { label: 'Service', kind: 'implementation', area: 'service', amounts: [0, 2340, 0, 0, 0] },
  ],
};
const kpiBody = {
  name: 'Sager indsendt',
  unit: 'count',
  direction: 'increase',
  baseline: 0,
  baselineDate: '2026-01-01',
  targetLikely: '10',
  deadline: '2027-12-31',
  howAchieved: 'Portalen',
  howMeasured: 'Automatisk',
  followUpBy: 'Procesejer',
  followUpWhen: 'Kvartalsvis',
  source: 'cases_submitted',
  serviceId: 'koerselsgodtgoerelse',
};

describe.each(targets)('benefit realisation on $name', (target) => {
  let t: TestApp;
  let manager: TestClient;
  let employee: TestClient;
  let processOwner: TestClient;
  let auditor: TestClient;
  let programmeId: string;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    manager = await t.login('demo-programleder');
    employee = await t.login('demo-medarbejder');
    processOwner = await t.login('demo-procesejer');
    auditor = await t.login('demo-revisor');
    programmeId = (
      await t.as(manager, { method: 'POST', url: '/api/v1/programmes', payload: { name: 'Testprogram' } })
    ).json().id;
    const project = await t.as(manager, {
      method: 'POST',
      url: `/api/v1/programmes/${programmeId}/projects`,
      payload: {
        name: 'Projekt A',
        ownerUserId: 'demo-programleder',
        benefitOwnerUserId: 'demo-leder',
        status: 'active',
        riskLevel: 'high',
        riskDescription: 'Leverandøren',
      },
    });
    expect(project.statusCode).toBe(201);
    projectId = project.json().id;
  }, 120_000);
  afterAll(() => t.close());

  it('evaluates a business case without login, and names the bad line in both languages', async () => {
    const ok = await t.as(null, {
      method: 'POST',
      url: '/api/v1/business-cases/evaluate',
      payload: bc01,
      headers: { 'x-csrf-token': 'script' },
    });
    expect(ok.json()).toMatchObject({
      total: [6175, 10791, 2167, -6861, -6861],
      cumulative: [6175, 16966, 19133, 12272, 5411],
      paybackYears: 6,
    });
    const bad = await t.as(null, {
      method: 'POST',
      url: '/api/v1/business-cases/evaluate',
      payload: { ...bc01, lines: [{ ...bc01.lines[0], amounts: [1, 2] }, bc01.lines[1]] },
      headers: { 'x-csrf-token': 'script' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message.da).toContain('Linje 2 (Anlæg)');
    expect(bad.json().error.fields[0].path).toBe('lines.1.amounts');
  });

  it('saves a business case, refuses a stale save without losing the saved one, and round-trips it through Excel', async () => {
    const url = `/api/v1/projects/${projectId}/business-case`;
    const saved = await t.as(manager, { method: 'PUT', url, payload: { data: bc01, expectedVersion: 0 } });
    expect(saved.json()).toMatchObject({ version: 1, result: { paybackYears: 6 } });
    const stale = await t.as(manager, {
      method: 'PUT',
      url,
      payload: { data: { ...bc01, title: 'Ældre' }, expectedVersion: 0 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await t.as(manager, { method: 'GET', url })).json().data.title).toBe('BC01');
    const xlsx = await t.as(manager, { method: 'GET', url: `${url}.xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '1.000 kr. 2017 p/l',
      'Styringsområde',
      2017,
      2018,
      2019,
      2020,
      2021,
    ]);
    // Finance changes a number in Excel and sends the workbook back.
    sheet.getRow(5).getCell(4).value = -4000;
    const changed = Buffer.from(await workbook.xlsx.writeBuffer());
    const back = await t.as(manager, {
      method: 'POST',
      url: `${url}.xlsx`,
      payload: changed,
      headers: { 'content-type': XLSX },
    });
    expect(back.json()).toMatchObject({
      version: 2,
      result: {
        permanentTotal: [0, -4000, -6861, -6861, -6861],
        implementationTotal: [6175, 14541, 9028, 0, 0],
      },
    });
    // The same workbook again: it was downloaded at version 1, and version 2 has been saved since.
    const staleWorkbook = await t.as(manager, {
      method: 'POST',
      url: `${url}.xlsx`,
      payload: changed,
      headers: { 'content-type': XLSX },
    });
    expect(staleWorkbook.statusCode).toBe(409);
    expect(staleWorkbook.json().error.code).toBe('stale');
    // A hyperlink reads as its text; an error cell is refused naming the cell.
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load(
      (await t.as(manager, { method: 'GET', url: `${url}.xlsx` })).rawPayload as unknown as ArrayBuffer,
    );
    fresh.worksheets[0]!.getRow(5).getCell(1).value = {
      text: 'Afvikling af CRM',
      hyperlink: 'https://intra.kommune.test/crm',
    };
    const linked = await t.as(manager, {
      method: 'POST',
      url: `${url}.xlsx`,
      payload: Buffer.from(await fresh.xlsx.writeBuffer()),
      headers: { 'content-type': XLSX },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().result.lines.map((l: { label: string }) => l.label)).toContain('Afvikling af CRM');
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(
      (await t.as(manager, { method: 'GET', url: `${url}.xlsx` })).rawPayload as unknown as ArrayBuffer,
    );
    again.worksheets[0]!.getRow(5).getCell(4).value = { error: '#REF!' };
    const broken = await t.as(manager, {
      method: 'POST',
      url: `${url}.xlsx`,
      payload: Buffer.from(await again.xlsx.writeBuffer()),
      headers: { 'content-type': XLSX },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message.da).toContain('Celle D5 indeholder fejlen #REF!');
    const notExcel = await t.as(manager, {
      method: 'POST',
      url: `${url}.xlsx`,
      payload: Buffer.from('not a workbook'),
      headers: { 'content-type': XLSX },
    });
    expect(notExcel.statusCode).toBe(400);
    expect(notExcel.json().error.message.en).toContain('not an Excel workbook');
  });

  it('keeps a benefit tree whose links run one layer to the right, and exports it as PDF', async () => {
    const url = `/api/v1/projects/${projectId}/benefit-tree`;
    const nodes = [
      { id: 't', layer: 'technology', label: 'Portal' },
      { id: 'c', layer: 'change', label: 'Selvbetjening' },
      { id: 'b', layer: 'benefit', benefitKind: 'economic', label: 'Færre timer' },
      { id: 'g', layer: 'goal', label: 'Råderum' },
    ];
    const wrong = await t.as(manager, {
      method: 'PUT',
      url,
      payload: { nodes, links: [{ from: 't', to: 'b' }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].message.da).toContain('ét lag til højre');
    const ok = await t.as(manager, {
      method: 'PUT',
      url,
      payload: {
        nodes,
        links: [
          { from: 't', to: 'c' },
          { from: 'c', to: 'b' },
          { from: 'b', to: 'g' },
        ],
        expectedVersion: 0,
      },
    });
    expect(ok.json()).toEqual({ version: 1 });
    const pdf = await t.as(manager, { method: 'GET', url: `${url}.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toMatch(
      /Gevinsttræ: Projekt A[\s\S]*Portal[\s\S]*Selvbetjening[\s\S]*Færre timer[\s\S]*Råderum/,
    );
  });

  it('measures a KPI from the cases automatically, and lets the benefit owner, not others, record by hand', async () => {
    const created = await t.as(manager, {
      method: 'POST',
      url: `/api/v1/projects/${projectId}/kpis`,
      payload: kpiBody,
    });
    expect(created.statusCode).toBe(201);
    const month = async () =>
      (
        (await t.as(manager, { method: 'GET', url: `/api/v1/projects/${projectId}/kpis` })).json()[0]
          .series as Array<{ month: string; value: number | null; basis: number | null }>
      ).at(-1);
    let trip = 0;
    const submit = async () =>
      expect(
        (
          await t.as(employee, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: {
              serviceId: 'koerselsgodtgoerelse',
              answers: {
                // Another destination each time: not the same trip sent twice.
                trips: [
                  {
                    date: '2026-11-02',
                    from: 'Skolen',
                    to: `Rådhuset ${(trip += 1)}`,
                    km: '12,5',
                    purpose: 'Møde',
                  },
                ],
              },
            },
          })
        ).statusCode,
      ).toBe(201);
    await submit();
    // One case this month: too few to show.
    expect(await month()).toMatchObject({ value: null, basis: null });
    for (let i = 0; i < 4; i += 1) await submit();
    expect(await month()).toMatchObject({ value: 5, basis: 5 });

    const manual = (
      await t.as(manager, {
        method: 'POST',
        url: `/api/v1/projects/${projectId}/kpis`,
        payload: {
          ...kpiBody,
          name: 'Tilfredshed',
          unit: 'percent',
          source: 'manual',
          serviceId: undefined,
          baseline: '48',
          targetLikely: '65',
        },
      })
    ).json();
    const leader = await t.login('demo-leder');
    const measurement = { measuredOn: '2026-10-01', value: '66,5', kind: 'after' };
    expect(
      (
        await t.as(processOwner, {
          method: 'POST',
          url: `/api/v1/kpis/${manual.id}/measurements`,
          payload: measurement,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.as(leader, {
          method: 'POST',
          url: `/api/v1/kpis/${manual.id}/measurements`,
          payload: measurement,
        })
      ).statusCode,
    ).toBe(201);
    const kpi = (await t.as(leader, { method: 'GET', url: `/api/v1/projects/${projectId}/kpis` }))
      .json()
      .find((k: { id: string }) => k.id === manual.id);
    expect(kpi).toMatchObject({ latest: { value: 66.5 }, progressPercent: 108.8 });
    const bad = await t.as(leader, {
      method: 'POST',
      url: `/api/v1/kpis/${manual.id}/measurements`,
      payload: { ...measurement, value: 'meget' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message.da).toContain('ikke et tal');
  });

  it('shows expected against realised benefits and a follow-up report as web data and PDF', async () => {
    const leader = await t.login('demo-leder');
    expect(
      (
        await t.as(leader, {
          method: 'POST',
          url: `/api/v1/projects/${projectId}/realisations`,
          payload: { year: 2018, realised: '-3.100,5' },
        })
      ).statusCode,
    ).toBe(200);
    // Nothing realised in 2017, against nothing expected: amounts of zero that the sign turns into -0.
    expect(
      (
        await t.as(leader, {
          method: 'POST',
          url: `/api/v1/projects/${projectId}/realisations`,
          payload: { year: 2017, realised: '0' },
        })
      ).statusCode,
    ).toBe(200);
    const register = (
      await t.as(manager, { method: 'GET', url: `/api/v1/programmes/${programmeId}/register` })
    ).json();
    // The register speaks the business case's sign: a saving is negative in both.
    expect(register.find((r: { year: number }) => r.year === 2018)).toMatchObject({
      expected: -4000,
      realised: -3100.5,
      difference: 899.5,
    });
    // A year without a permanent change is expected 0, never -0.
    expect(register.find((r: { year: number }) => r.year === 2017)).toMatchObject({ expected: 0 });
    const report = (
      await t.as(manager, { method: 'GET', url: `/api/v1/programmes/${programmeId}/report` })
    ).json();
    expect(report.projects[0]).toMatchObject({
      name: 'Projekt A',
      riskLevel: 'high',
      businessCase: { investment: 29744 },
    });
    const pdf = await t.as(manager, { method: 'GET', url: `/api/v1/programmes/${programmeId}/report.pdf` });
    const text = pdfText(pdf.rawPayload);
    // The steering group's layout: the title block, the projects table, each project's business case
    // table, its KPIs as a table and as charts, and the register, in Danish numbers and dates.
    for (const part of [
      'Rapport til styregruppen',
      'Testprogram',
      'Programejer',
      'Projekter',
      'Projekt A',
      'Samlet økonomisk påvirkning',
      'Akkumuleret',
      'tilbagebetalingstid',
      'Baseline',
      'Fremdrift',
      'Gevinstregister',
      'Forventet',
      '-3.100,5',
      'Side 1 af',
    ])
      expect(text, part).toContain(part);
    expect(text).toMatch(/Dato\n\d{1,2}\.\d{1,2}\.\d{4}/);
    expect(text).not.toMatch(/(^|[^\d])-0([^\d,]|$)/m);
    expect(text).not.toContain('\u2212');
  });

  it("changes a programme's status, and refuses a stale change", async () => {
    const programme = (
      await t.as(manager, { method: 'GET', url: `/api/v1/programmes/${programmeId}` })
    ).json();
    const body = {
      name: 'Testprogram',
      description: 'Afsluttet',
      status: 'completed',
      expectedVersion: programme.version,
    };
    expect(
      (
        await t.as(manager, { method: 'PUT', url: `/api/v1/programmes/${programmeId}`, payload: body })
      ).json(),
    ).toEqual({ version: programme.version + 1 });
    expect(
      (await t.as(manager, { method: 'PUT', url: `/api/v1/programmes/${programmeId}`, payload: body }))
        .statusCode,
    ).toBe(409);
    expect(
      (await t.as(manager, { method: 'GET', url: `/api/v1/programmes/${programmeId}` })).json(),
    ).toMatchObject({ status: 'completed', description: 'Afsluttet' });
  });

  it('finds the people to make owner by their name, for those who manage benefits only', async () => {
    const owner = (await t.as(manager, { method: 'GET', url: `/api/v1/projects/${projectId}` })).json();
    const firstName = (owner.benefitOwnerName as string).split(' ')[0]!;
    const found = await t.as(manager, {
      method: 'GET',
      url: `/api/v1/benefits/people?q=${encodeURIComponent(firstName.toLowerCase())}`,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toContainEqual({
      id: owner.benefitOwnerUserId,
      displayName: owner.benefitOwnerName,
    });
    expect(
      (await t.as(employee, { method: 'GET', url: `/api/v1/benefits/people?q=${firstName}` })).statusCode,
    ).toBe(403);
    expect(
      (await t.as(auditor, { method: 'GET', url: `/api/v1/benefits/people?q=${firstName}` })).statusCode,
    ).toBe(403);
  });

  it('keeps programmes from people without a benefit role or a project of theirs, and the auditor from changing them', async () => {
    expect((await t.as(employee, { method: 'GET', url: '/api/v1/programmes' })).json()).toEqual([]);
    expect(
      (await t.as(employee, { method: 'GET', url: `/api/v1/programmes/${programmeId}` })).statusCode,
    ).toBe(404);
    expect(
      (await t.as(employee, { method: 'GET', url: `/api/v1/projects/${projectId}/business-case` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.as(employee, { method: 'POST', url: '/api/v1/programmes', payload: { name: 'Mit' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.as(auditor, { method: 'GET', url: `/api/v1/programmes/${programmeId}` })).statusCode,
    ).toBe(200);
    expect(
      (
        await t.as(auditor, {
          method: 'PUT',
          url: `/api/v1/projects/${projectId}/business-case`,
          payload: { data: bc01 },
        })
      ).statusCode,
    ).toBe(403);
    const other = await t.as(manager, {
      method: 'POST',
      url: `/api/v1/programmes/${programmeId}/projects`,
      payload: {
        name: 'Projekt B',
        ownerUserId: 'demo-programleder',
        benefitOwnerUserId: 'demo-procesejer',
        status: 'idea',
        riskLevel: 'low',
      },
    });
    const leader = await t.login('demo-leder');
    expect(
      (await t.as(leader, { method: 'GET', url: '/api/v1/programmes' }))
        .json()
        .map((p: { name: string }) => p.name),
    ).toEqual(['Testprogram']);
    expect(
      (await t.as(leader, { method: 'GET', url: `/api/v1/programmes/${programmeId}` }))
        .json()
        .projects.map((p: { name: string }) => p.name),
    ).toEqual(['Projekt A']);
    expect(
      (await t.as(leader, { method: 'GET', url: `/api/v1/projects/${other.json().id}/kpis` })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.as(leader, {
          method: 'PUT',
          url: `/api/v1/projects/${projectId}/business-case`,
          payload: { data: bc01 },
        })
      ).statusCode,
    ).toBe(403);
  });
});
