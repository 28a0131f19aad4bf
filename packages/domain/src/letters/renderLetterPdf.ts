import PDFDocument from 'pdfkit';

/** What a letter says and who it is from and to: everything the PDF shows. */
export interface LetterContent {
  /** The municipality. */
  sender: string;
  /** The team that handled the case, which signs the letter. */
  signedBy: string;
  recipientName: string;
  /** The letter's date (YYYY-MM-DD). */
  date: string;
  caseNumber: string;
  service: string;
  title: string;
  paragraphs: string[];
  /** Terms listed after the text, under headings, as label and value (a letter of employment's position and pay). */
  terms?: Array<{ title: string; lines: Array<[string, string]> }>;
  /** When the letter was made (ISO instant): the PDF's creation time, so the same letter gives the same bytes. */
  createdAt: string;
}

const danishDay = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('da-DK', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Copenhagen',
  });

/**
 * A letter as a PDF (pdfkit, the platform's PDF library): sender, date and case reference at the
 * top, the title, the greeting, the text, and the team's signature. Rendering the same content
 * gives the same bytes (the creation time is the letter's own), so a letter sent again after a
 * crash is byte for byte the letter sent the first time.
 */
export function renderLetterPdf(letter: LetterContent): Promise<Buffer> {
  const created = new Date(letter.createdAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    lang: 'da-DK',
    info: {
      Title: letter.title,
      Author: letter.sender,
      Subject: `${letter.service} · ${letter.caseNumber}`,
      Creator: 'Indgang',
      Producer: 'Indgang',
      CreationDate: created,
      ModDate: created,
    },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 120;
  doc.font('Helvetica-Bold').fontSize(11).text(letter.sender, { width });
  doc.font('Helvetica').fontSize(10).text(letter.signedBy, { width });
  doc.moveDown(0.5).text(`${danishDay(letter.date)}`, { width, align: 'right' });
  doc.text(`Sag ${letter.caseNumber} · ${letter.service}`, { width, align: 'right' });
  doc.moveDown(2).font('Helvetica-Bold').fontSize(16).text(letter.title, { width });
  doc.moveDown(1).font('Helvetica').fontSize(11).text(`Kære ${letter.recipientName}`, { width });
  for (const paragraph of letter.paragraphs) doc.moveDown(0.8).text(paragraph, { width });
  for (const group of letter.terms ?? []) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text(group.title, { width });
    doc.font('Helvetica').fontSize(10);
    for (const [label, value] of group.lines) {
      doc.moveDown(0.2).font('Helvetica-Bold').text(`${label}: `, { width, continued: true });
      doc.font('Helvetica').text(value);
    }
    doc.fontSize(11);
  }
  doc.moveDown(1.5).text('Med venlig hilsen', { width });
  doc.moveDown(0.3).text(letter.signedBy, { width });
  doc.text(letter.sender, { width });
  doc.end();
  return done;
}
