import PDFDocument from 'pdfkit';
import type { FollowUpReport } from '@indgang/domain';
import {
  formatAmount,
  formatDay,
  formatMonth,
  formatShortMonth,
  KPI_UNIT,
  PROJECT_STATUS,
  RISK_LEVEL,
} from '@indgang/schemas';
import { collectPdf } from '../pdf/collectPdf';

type Project = FollowUpReport['projects'][number];
type Kpi = Project['kpis'][number];
type Doc = PDFKit.PDFDocument;

/** Danish numbers ("3.750,5", never "-0") with the hyphen as minus: the PDF base fonts lack U+2212. */
const dk = (v: number | null, decimals = 3) => formatAmount(v, 'da', decimals).replace('\u2212', '-');
const when = (p: { on: string; month: string | null }) =>
  p.month ? formatMonth(p.month, 'da') : formatDay(p.on, 'da');
const unitOf = (k: Kpi) => KPI_UNIT[k.unit]?.da ?? k.unit;

const MARGIN = 48;
const NAVY = '#003e6b';
const LINE = '#b5b5b5';
const SHADE = '#eef2f6';
const ACTUAL = '#0059b3';
const TARGET = '#6b4f00';
const GREY = '#6b6b6b';
const RISK_FILL: Record<string, string> = { high: '#f6d0cf', medium: '#fcecc0', low: '#d7ecd9' };

/** A column of a table: its heading, its share of the width, and whether it holds numbers. */
interface Column {
  head: string;
  width: number;
  num?: boolean;
}
/** A table row: its cells, optionally bold (a total) and a fill for one cell. */
interface Row {
  cells: string[];
  bold?: boolean;
  fills?: Record<number, string>;
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottom = (doc: Doc) => doc.page.height - MARGIN - 24;

/** Starts a new page when fewer than `needed` points are left. */
function room(doc: Doc, needed: number) {
  if (doc.y + needed > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size = 14) {
  room(doc, size * 4);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor(NAVY).text(text, MARGIN, doc.y);
  doc.moveDown(0.3).fillColor('#000').font('Helvetica').fontSize(9.5);
}

/** A table with a shaded header row repeated on each page, cells wrapped, numbers right-aligned. */
function table(doc: Doc, columns: Column[], rows: Row[], caption?: string) {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const pad = 4;
  const size = 8.5;
  const heightOf = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((c, i) =>
        doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(size)
          .heightOfString(c || ' ', { width: widths[i]! - 2 * pad }),
      ),
    ) +
    2 * pad;
  const draw = (
    cells: string[],
    opts: { bold?: boolean; head?: boolean; fills?: Record<number, string> },
  ) => {
    const h = heightOf(cells, Boolean(opts.bold || opts.head));
    let x = MARGIN;
    const y = doc.y;
    if (opts.head) doc.rect(MARGIN, y, contentWidth(doc), h).fill(SHADE);
    cells.forEach((c, i) => {
      const fill = opts.fills?.[i];
      if (fill) doc.rect(x, y, widths[i]!, h).fill(fill);
      doc
        .fillColor(opts.head ? NAVY : '#000')
        .font(opts.bold || opts.head ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(size)
        .text(c, x + pad, y + pad, {
          width: widths[i]! - 2 * pad,
          align: columns[i]!.num ? 'right' : 'left',
        });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + contentWidth(doc), y + h)
      .lineWidth(opts.head ? 0.8 : 0.4)
      .strokeColor(opts.head ? NAVY : LINE)
      .stroke();
    doc.y = y + h;
  };
  const head = () =>
    draw(
      columns.map((c) => c.head),
      { head: true },
    );
  if (caption) {
    room(doc, 60);
    doc.font('Helvetica-Oblique').fontSize(8.5).fillColor('#333').text(caption, MARGIN, doc.y);
    doc.moveDown(0.2);
  }
  room(
    doc,
    heightOf(
      columns.map((c) => c.head),
      true,
    ) + 24,
  );
  head();
  for (const row of rows) {
    if (doc.y + heightOf(row.cells, Boolean(row.bold)) > bottom(doc)) {
      doc.addPage();
      head();
    }
    draw(row.cells, { bold: row.bold, fills: row.fills });
  }
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

/** The title block: what the report is, the programme, its owner, status and date, on a coloured band. */
function titleBlock(doc: Doc, report: FollowUpReport) {
  const w = contentWidth(doc);
  doc.rect(MARGIN, MARGIN, w, 92).fill(NAVY);
  doc
    .fillColor('#fff')
    .font('Helvetica')
    .fontSize(10)
    .text('Opfølgning på gevinstrealisering · Rapport til styregruppen', MARGIN + 16, MARGIN + 14, {
      width: w - 32,
    });
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(report.programme.name, MARGIN + 16, MARGIN + 32, { width: w - 32, height: 52, ellipsis: true });
  doc.y = MARGIN + 104;
  const facts: Array<[string, string]> = [
    ['Programejer', report.programme.ownerName],
    ['Status', PROJECT_STATUS[report.programme.status]?.da ?? report.programme.status],
    ['Dato', formatDay(report.generatedOn, 'da')],
    ['Projekter', String(report.projects.length)],
    ['KPI’er', String(report.projects.reduce((a, p) => a + p.kpis.length, 0))],
  ];
  const colW = w / 3;
  const top = doc.y;
  facts.forEach(([label, value], i) => {
    const x = MARGIN + (i % 3) * colW;
    const y = top + Math.floor(i / 3) * 42;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(label, x, y, { width: colW - 8 });
    doc
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .fillColor('#000')
      .text(value, x, y + 11, { width: colW - 8, height: 28, ellipsis: true });
  });
  doc.y = top + 80;
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + w, doc.y)
    .lineWidth(0.8)
    .strokeColor(LINE)
    .stroke();
  doc.moveDown(0.6);
  doc.x = MARGIN;
  if (report.programme.description)
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#000')
      .text(report.programme.description, MARGIN, doc.y, { width: w });
  doc
    .moveDown(0.4)
    .font('Helvetica-Oblique')
    .fontSize(8.5)
    .fillColor('#333')
    .text(
      'Beløb i 1.000 kr. som påvirkning af budgettet, i business casen og gevinstregistret ens: besparelser og gevinster er negative, udgifter positive.',
      MARGIN,
      doc.y,
      { width: w },
    );
}

/** The business case as the page shows it: a line per permanent change and cost, totals and running total. */
function businessCaseTable(doc: Doc, bc: NonNullable<Project['businessCase']>) {
  const years = bc.years.map(String);
  const columns: Column[] = [
    { head: `1.000 kr., ${bc.priceLevel} p/l`, width: 3.2 },
    { head: 'Område', width: 1.3 },
    ...years.map((y) => ({ head: y, width: 1, num: true })),
  ];
  const area = (a: string) => (a === 'capital' ? 'Anlæg' : 'Service');
  const lines = (kind: 'permanent' | 'implementation') =>
    bc.lines
      .filter((l) => l.kind === kind)
      .map((l) => ({ cells: [`  ${l.label}`, area(l.area), ...l.amounts.map((v) => dk(v))] }));
  const sum = (label: string, values: number[]) => ({
    cells: [label, '', ...values.map((v) => dk(v))],
    bold: true,
  });
  table(doc, columns, [
    ...lines('permanent'),
    sum('Samlet varig ændring', bc.permanentTotal),
    ...lines('implementation'),
    sum('Samlede implementeringsomkostninger', bc.implementationTotal),
    sum('Samlet økonomisk påvirkning', bc.total),
    { cells: ['Akkumuleret', '', ...bc.cumulative.map((v) => dk(v))] },
  ]);
  room(doc, 30);
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor('#000')
    .text(
      `Investering ${dk(bc.investment)} · varig ændring ved fuld indfasning ${dk(bc.permanentFullYear)} · tilbagebetalingstid ${bc.paybackYears === null ? 'betaler sig ikke tilbage' : `${bc.paybackYears} år (${bc.paybackYear})`}.`,
      MARGIN,
      doc.y,
    )
    .moveDown(0.4);
}

/** A KPI's progress in words: how far from the baseline towards the target the latest value has come. */
const progressText = (k: Kpi) => (k.progressPercent === null ? '–' : `${dk(k.progressPercent, 1)} %`);

/**
 * A KPI over time as a chart, drawn like the page's: the baseline (dotted), the target lines from the
 * baseline to the deadline, the values that count (a blue line with dots) and the months that do not
 * (grey rings, a grey cross where fewer than five cases hide the value).
 */
function kpiChart(doc: Doc, k: Kpi) {
  const W = contentWidth(doc);
  const H = 150;
  room(doc, H + 50);
  doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#000').text(k.name, MARGIN, doc.y);
  const top = doc.y + 4;
  const pad = { left: 44, right: 8, top: 8, bottom: 22 };
  const time = (iso: string) => Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
  const t0 = time(k.baselineDate);
  const t1 = Math.max(
    time(k.deadline),
    ...k.points.map((p) => time(p.on)),
    ...k.series.map((s) => time(s.month)),
  );
  const uncounted = k.series.filter((s) => !s.counted && time(s.month) >= t0);
  const actual = k.points.filter((p) => time(p.on) >= t0);
  const values = [
    k.baseline,
    k.targetLikely,
    ...[k.targetPessimistic, k.targetOptimistic].filter((v): v is number => v !== null),
    ...actual.map((p) => p.value),
    ...uncounted.flatMap((s) => (s.value === null ? [] : [s.value])),
  ];
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values) * 1.1 || 1;
  const x = (iso: string) =>
    MARGIN + pad.left + ((time(iso) - t0) / Math.max(1, t1 - t0)) * (W - pad.left - pad.right);
  const y = (v: number) => top + H - pad.bottom - ((v - lo) / (hi - lo)) * (H - pad.top - pad.bottom);
  const axisY = top + H - pad.bottom;
  doc.save();
  doc.rect(MARGIN, top, W, H).lineWidth(0.4).strokeColor(LINE).stroke();
  for (const v of [lo, (lo + hi) / 2, hi]) {
    doc
      .moveTo(MARGIN + pad.left, y(v))
      .lineTo(MARGIN + W - pad.right, y(v))
      .lineWidth(0.3)
      .strokeColor('#dddddd')
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#333')
      .text(dk(v, 1), MARGIN, y(v) - 3.5, { width: pad.left - 4, align: 'right', lineBreak: false });
  }
  doc
    .moveTo(MARGIN + pad.left, y(k.baseline))
    .lineTo(MARGIN + W - pad.right, y(k.baseline))
    .lineWidth(0.8)
    .dash(1.5, { space: 3 })
    .strokeColor('#474747')
    .stroke()
    .undash();
  const target = (v: number | null, dash: number | null) => {
    if (v === null) return;
    doc
      .moveTo(x(k.baselineDate), y(k.baseline))
      .lineTo(x(k.deadline), y(v))
      .lineWidth(1.2)
      .strokeColor(TARGET);
    if (dash !== null) doc.dash(dash, { space: 3 });
    doc.stroke().undash();
  };
  target(k.targetLikely, null);
  target(k.targetPessimistic, 4);
  target(k.targetOptimistic, 1);
  if (actual.length > 1) {
    doc.moveTo(x(actual[0]!.on), y(actual[0]!.value));
    for (const p of actual.slice(1)) doc.lineTo(x(p.on), y(p.value));
    doc.lineWidth(1.6).strokeColor(ACTUAL).stroke();
  }
  for (const p of actual) doc.circle(x(p.on), y(p.value), 2.2).fill(ACTUAL);
  for (const s of uncounted) {
    const cx = x(s.month);
    if (s.value === null) {
      doc
        .moveTo(cx - 3, axisY - 6)
        .lineTo(cx + 3, axisY)
        .moveTo(cx + 3, axisY - 6)
        .lineTo(cx - 3, axisY)
        .lineWidth(1)
        .strokeColor(GREY)
        .stroke();
    } else {
      doc.circle(cx, y(s.value), 2.6).lineWidth(1).fillAndStroke('#ffffff', GREY);
    }
  }
  doc
    .moveTo(MARGIN + pad.left, axisY)
    .lineTo(MARGIN + W - pad.right, axisY)
    .lineWidth(0.6)
    .strokeColor('#7a7a7a')
    .stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#333');
  doc.text(formatShortMonth(k.baselineDate, 'da'), MARGIN + pad.left, axisY + 4, { lineBreak: false });
  doc.text(formatShortMonth(k.deadline, 'da'), MARGIN + W - pad.right - 60, axisY + 4, {
    width: 60,
    align: 'right',
    lineBreak: false,
  });
  doc.restore();
  // The legend, each entry with its own sample.
  let lx = MARGIN;
  const ly = top + H + 6;
  const legend = (draw: (x: number, y: number) => void, label: string) => {
    draw(lx, ly + 3.5);
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#000')
      .text(label, lx + 16, ly, { lineBreak: false });
    lx += 22 + doc.widthOfString(label);
  };
  legend(
    (lx0, ly0) => {
      doc
        .moveTo(lx0, ly0)
        .lineTo(lx0 + 12, ly0)
        .lineWidth(1.6)
        .strokeColor(ACTUAL)
        .stroke();
    },
    `Målt (${unitOf(k)})`,
  );
  legend((lx0, ly0) => {
    doc
      .moveTo(lx0, ly0)
      .lineTo(lx0 + 12, ly0)
      .lineWidth(1.2)
      .strokeColor(TARGET)
      .stroke();
  }, 'Mål (forventet; stiplet: pessimistisk og optimistisk)');
  legend((lx0, ly0) => {
    doc
      .moveTo(lx0, ly0)
      .lineTo(lx0 + 12, ly0)
      .lineWidth(0.8)
      .dash(1.5, { space: 3 })
      .strokeColor('#474747')
      .stroke()
      .undash();
  }, 'Baseline');
  if (uncounted.length > 0)
    legend((lx0, ly0) => {
      doc
        .circle(lx0 + 6, ly0, 2.6)
        .lineWidth(1)
        .fillAndStroke('#ffffff', GREY);
    }, 'Tæller ikke med (måneden er ikke slut eller har for få sager)');
  doc.x = MARGIN;
  doc.y = ly + 18;
}

/** One project: its facts, the business case table, its KPIs as a table and each KPI's chart. */
function projectSection(doc: Doc, p: Project) {
  heading(doc, p.name, 13);
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor('#000')
    .text(
      `Status: ${PROJECT_STATUS[p.status]?.da ?? p.status} · Risiko: ${RISK_LEVEL[p.riskLevel]?.da ?? p.riskLevel}${p.riskDescription ? ` – ${p.riskDescription}` : ''}`,
      MARGIN,
      doc.y,
    )
    .text(`Projektejer: ${p.ownerName} · Gevinstansvarlig: ${p.benefitOwnerName}`)
    .moveDown(0.4);
  heading(doc, 'Business case', 11);
  if (p.businessCase) businessCaseTable(doc, p.businessCase);
  else doc.text('Ingen business case endnu.', MARGIN, doc.y).moveDown(0.4);
  heading(doc, 'KPI’er', 11);
  if (p.kpis.length === 0) {
    doc.text('Ingen KPI’er endnu.', MARGIN, doc.y).moveDown(0.4);
    return;
  }
  table(
    doc,
    [
      { head: 'KPI', width: 2.8 },
      { head: 'Baseline', width: 1.6, num: true },
      { head: 'Mål', width: 1.6, num: true },
      { head: 'Seneste', width: 1.9, num: true },
      { head: 'Fremdrift', width: 1.2, num: true },
      { head: 'Opfølgning', width: 2.6 },
    ],
    p.kpis.map((k) => ({
      cells: [
        k.name,
        `${dk(k.baseline, 2)} ${unitOf(k)}\n${formatDay(k.baselineDate, 'da')}`,
        `${dk(k.targetLikely, 2)} ${unitOf(k)}\nsenest ${formatDay(k.deadline, 'da')}`,
        k.latest ? `${dk(k.latest.value, 2)} ${unitOf(k)}\n${when(k.latest)}` : 'Ingen måling endnu',
        progressText(k),
        `${k.followUpBy}, ${k.followUpWhen}`,
      ],
    })),
    'Fremdrift: hvor langt den seneste værdi, der tæller, er nået fra baseline mod målet.',
  );
  for (const k of p.kpis) kpiChart(doc, k);
}

/** The programme's follow-up report for the steering group, as a PDF laid out like the page. */
export function renderFollowUpReportPdf(report: FollowUpReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Opfølgning – ${report.programme.name}`, Author: 'Indgang' },
    lang: 'da-DK',
  } as PDFKit.PDFDocumentOptions);
  const done = collectPdf(doc);
  titleBlock(doc, report);

  heading(doc, 'Projekter');
  if (report.projects.length === 0) doc.text('Ingen projekter endnu.', MARGIN, doc.y);
  else
    table(
      doc,
      [
        { head: 'Projekt', width: 2.2 },
        { head: 'Status', width: 1.1 },
        { head: 'Risiko', width: 2.6 },
        { head: 'Projektejer', width: 1.7 },
        { head: 'Gevinstansvarlig', width: 1.9 },
        { head: 'Tilbagebetaling', width: 1.8 },
      ],
      report.projects.map((p) => ({
        cells: [
          p.name,
          PROJECT_STATUS[p.status]?.da ?? p.status,
          `${RISK_LEVEL[p.riskLevel]?.da ?? p.riskLevel}${p.riskDescription ? `: ${p.riskDescription}` : ''}`,
          p.ownerName,
          p.benefitOwnerName,
          !p.businessCase
            ? '–'
            : p.businessCase.paybackYears === null
              ? 'aldrig'
              : `${p.businessCase.paybackYears} år (${p.businessCase.paybackYear})`,
        ],
        fills: { 2: RISK_FILL[p.riskLevel] ?? '#ffffff' },
      })),
    );

  for (const p of report.projects) projectSection(doc, p);

  heading(doc, 'Gevinstregister');
  if (report.register.length === 0)
    doc.text('Ingen forventede eller realiserede gevinster endnu.', MARGIN, doc.y);
  else
    table(
      doc,
      [
        { head: 'Projekt', width: 3 },
        { head: 'År', width: 0.8, num: true },
        { head: 'Forventet', width: 1.3, num: true },
        { head: 'Realiseret', width: 1.3, num: true },
        { head: 'Afvigelse', width: 1.3, num: true },
        { head: 'Note', width: 3 },
      ],
      report.register.map((r) => ({
        cells: [r.projectName, String(r.year), dk(r.expected), dk(r.realised), dk(r.difference), r.note],
      })),
      'Forventet (fra business casens varige ændring) og realiseret, 1.000 kr.; besparelser negative.',
    );

  // A footer on every page: the report, its date and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 6;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(GREY)
      .text(`Opfølgning – ${report.programme.name} · ${formatDay(report.generatedOn, 'da')}`, MARGIN, y, {
        lineBreak: false,
      })
      .text(`Side ${i + 1} af ${range.count}`, MARGIN, y, {
        width: contentWidth(doc),
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
