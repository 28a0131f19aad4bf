import PDFDocument from 'pdfkit';
import type { CaseRecord } from './caseRecord';

/**
 * A case's record as a PDF for the personnel file (A4, Danish): the facts as label and value, then
 * the answers section by section. Drawn from the record alone, so every retry draws the same text.
 */
export function renderCaseRecordPdf(record: CaseRecord): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${record.title} – sag ${record.caseNumber}`, Author: 'Indgang' },
    lang: 'da-DK',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  const pairs = (lines: Array<[string, string]>) => {
    for (const [label, value] of lines) {
      // A label that asks or ends in a colon already leads into its value.
      const lead = /[?:]$/.test(label) ? `${label} ` : `${label}: `;
      doc.font('Helvetica-Bold').fontSize(9.5).text(lead, { continued: true, width });
      doc.font('Helvetica').text(value, { width });
    }
  };
  doc.font('Helvetica-Bold').fontSize(17).text(record.title, { width });
  doc.moveDown(0.6);
  pairs(record.facts);
  for (const section of record.sections) {
    doc.moveDown(0.9).font('Helvetica-Bold').fontSize(12).text(section.title, { width }).moveDown(0.2);
    pairs(section.lines);
  }
  for (const note of record.notes)
    doc.moveDown(0.9).font('Helvetica-Oblique').fontSize(9).text(note, { width });
  doc.end();
  return done;
}
