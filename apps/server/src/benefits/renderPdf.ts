import PDFDocument from 'pdfkit';
import { collectPdf } from '../pdf/collectPdf';
import type { FollowUpReport } from '@indgang/domain';
import {
  KPI_UNIT,
  PROJECT_STATUS,
  RISK_LEVEL,
  TREE_LAYER_LABEL,
  treeNodeFill,
  type BenefitTree,
  type TreeLayer,
} from '@indgang/schemas';

/** Danish number format with the hyphen as minus sign (the PDF base fonts lack U+2212). */
const dk = (v: number, decimals = 0) =>
  v
    .toLocaleString('da-DK', { minimumFractionDigits: 0, maximumFractionDigits: decimals || 3 })
    .replace('\u2212', '-');

/** The benefit tree on one landscape page: four columns, boxes coloured by kind, links as lines. */
export function renderBenefitTreePdf(tree: BenefitTree, title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    info: { Title: `Gevinsttræ – ${title}`, Author: 'Indgang' },
    lang: 'da-DK',
  } as PDFKit.PDFDocumentOptions);
  const done = collectPdf(doc);
  doc.fontSize(16).font('Helvetica-Bold').text(`Gevinsttræ: ${title}`);
  const layers: TreeLayer[] = ['technology', 'change', 'benefit', 'goal'];
  const top = 90;
  const width = (doc.page.width - 72 - 3 * 40) / 4;
  const height = doc.page.height - top - 50;
  const position = new Map<string, { x: number; y: number; h: number }>();
  layers.forEach((layer, i) => {
    const x = 36 + i * (width + 40);
    doc
      .fontSize(11)
      .font('Helvetica-Bold')
      .fillColor('#000')
      .text(TREE_LAYER_LABEL[layer].da, x, top - 22, { width });
    const nodes = tree.nodes.filter((n) => n.layer === layer);
    const slot = nodes.length > 0 ? Math.min(70, height / nodes.length) : 0;
    nodes.forEach((node, k) => {
      const y = top + k * slot;
      const h = slot - 8;
      doc.roundedRect(x, y, width, h, 4).fillAndStroke(treeNodeFill(node), '#333333');
      doc
        .fillColor('#000')
        .font('Helvetica')
        .fontSize(8.5)
        .text(node.label, x + 5, y + 4, { width: width - 10, height: h - 6, ellipsis: true });
      position.set(node.id, { x, y, h });
    });
  });
  doc.lineWidth(0.8).strokeColor('#555');
  for (const link of tree.links) {
    const a = position.get(link.from);
    const b = position.get(link.to);
    if (a && b)
      doc
        .moveTo(a.x + width, a.y + a.h / 2)
        .lineTo(b.x, b.y + b.h / 2)
        .stroke();
  }
  doc
    .fontSize(8)
    .fillColor('#000')
    .text('Grøn: økonomisk gevinst. Blå: service- eller kvalitetsgevinst.', 36, doc.page.height - 40, {
      lineBreak: false,
    });
  doc.end();
  return done;
}

/** The programme's follow-up report for the steering group, as a PDF. */
export function renderFollowUpReportPdf(report: FollowUpReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `Opfølgning – ${report.programme.name}`, Author: 'Indgang' },
    lang: 'da-DK',
  } as PDFKit.PDFDocumentOptions);
  const done = collectPdf(doc);
  doc.font('Helvetica-Bold').fontSize(18).text(`Opfølgning på gevinstrealisering`);
  doc.fontSize(14).text(report.programme.name);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`Programejer: ${report.programme.ownerName} · Udskrevet ${report.generatedOn}`)
    .moveDown();
  if (report.programme.description) doc.text(report.programme.description).moveDown();
  for (const p of report.projects) {
    doc.font('Helvetica-Bold').fontSize(13).text(p.name).font('Helvetica').fontSize(10);
    doc.text(
      `Status: ${PROJECT_STATUS[p.status]?.da ?? p.status} · Risiko: ${RISK_LEVEL[p.riskLevel]?.da ?? p.riskLevel}${p.riskDescription ? ` – ${p.riskDescription}` : ''}`,
    );
    doc.text(`Projektejer: ${p.ownerName} · Gevinstansvarlig: ${p.benefitOwnerName}`);
    const bc = p.businessCase;
    if (bc) {
      doc.text(
        `Business case (1.000 kr., ${bc.priceLevel} p/l): investering ${dk(bc.investment)}, varig ændring ved fuld indfasning ${dk(bc.permanentFullYear)}, tilbagebetalingstid ${bc.paybackYears === null ? 'aldrig' : `${bc.paybackYears} år (${bc.paybackYear})`}.`,
      );
      doc.text(
        `Samlet økonomisk påvirkning: ${bc.years.map((y, j) => `${y}: ${dk(bc.total[j]!)}`).join(' · ')}`,
      );
    } else {
      doc.text('Ingen business case endnu.');
    }
    for (const k of p.kpis) {
      const unit = KPI_UNIT[k.unit]?.da ?? k.unit;
      const latest = k.latest ? `${dk(k.latest.value, 2)} ${unit} (${k.latest.on})` : 'ingen måling endnu';
      doc.text(
        `KPI ${k.name}: baseline ${dk(k.baseline, 2)} ${unit} (${k.baselineDate}), mål ${dk(k.targetLikely, 2)} ${unit} senest ${k.deadline}; seneste ${latest}${k.progressPercent === null ? '' : `, ${dk(k.progressPercent, 1)} % af vejen`}. Følges op af ${k.followUpBy}, ${k.followUpWhen}.`,
        { indent: 12 },
      );
    }
    doc.moveDown();
  }
  doc.font('Helvetica-Bold').fontSize(13).text('Gevinstregister (1.000 kr.)').font('Helvetica').fontSize(10);
  if (report.register.length === 0) doc.text('Ingen forventede eller realiserede gevinster endnu.');
  for (const r of report.register) {
    doc.text(
      `${r.projectName} ${r.year}: forventet ${dk(r.expected)}, realiseret ${r.realised === null ? '–' : dk(r.realised)}${r.difference === null ? '' : `, afvigelse ${dk(r.difference)}`}${r.note ? ` (${r.note})` : ''}`,
    );
  }
  doc.end();
  return done;
}
