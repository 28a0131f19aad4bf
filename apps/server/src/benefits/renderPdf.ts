import PDFDocument from 'pdfkit';
import { collectPdf } from '../pdf/collectPdf';
import { TREE_LAYER_LABEL, treeNodeFill, type BenefitTree, type TreeLayer } from '@indgang/schemas';

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
