import PDFDocument from 'pdfkit';
import type { PersonDataExport } from '@indgang/domain';
import { collectPdf } from '../pdf/collectPdf';

const date = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('da-DK', {
        timeZone: 'Europe/Copenhagen',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '–';
const day = (d: string | null) => (d ? d.split('-').reverse().join('.') : '–');

/** Answers as "label: value" lines, nested sections indented; for reading, not for machines. */
function answerLines(value: unknown, indent = ''): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value))
    return value.flatMap((v, i) =>
      typeof v === 'object'
        ? [`${indent}${i + 1}.`, ...answerLines(v, `${indent}  `)]
        : [`${indent}${String(v)}`],
    );
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null
        ? [`${indent}${k}:`, ...answerLines(v, `${indent}  `)]
        : [`${indent}${k}: ${String(v)}`],
    );
  }
  return [`${indent}${String(value)}`];
}

/**
 * The person's data as a readable document (GDPR art. 15): one section per kind of data, in
 * Danish. Files are listed by name and checksum; their contents are in the JSON export.
 */
export function renderPersonExportPdf(data: PersonDataExport): Promise<Buffer> {
  const name = `${data.person.firstName} ${data.person.lastName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Indsigt – ${name}`, Author: 'Indgang' },
    lang: 'da-DK',
  } as PDFKit.PDFDocumentOptions);
  const done = collectPdf(doc);
  const heading = (text: string) =>
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(13)
      .fillColor('#000')
      .text(text)
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(9.5);
  const line = (text: string) => doc.text(text, { width: doc.page.width - 100 });
  const none = (list: unknown[]) => {
    if (list.length === 0) line('Ingen.');
  };

  doc.font('Helvetica-Bold').fontSize(18).text(`Oplysninger om ${name}`);
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .text(
      `Udtræk efter databeskyttelsesforordningens artikel 15, dannet ${date(data.generatedAt)} af ${data.generatedBy}. Udtrækket er logget.`,
    );

  heading('Stamdata');
  line(`Navn: ${name}`);
  line(`Medarbejdernummer: ${data.person.employeeNumber ?? '–'}`);
  line(`E-mail: ${data.person.email ?? '–'}`);
  line(`CPR-nummer: ${data.person.cpr ?? '–'}${data.person.cprIsTestData ? ' (testdata)' : ''}`);

  heading('Ansættelser');
  none(data.employments);
  for (const e of data.employments)
    line(
      `${e.position}, ${e.unit} (${e.agreement}), ${e.weeklyHours.toLocaleString('da-DK')} timer/uge, fra ${day(e.startDate)}${e.endDate ? ` til ${day(e.endDate)}` : ''}`,
    );
  if (data.leaderOf.length > 0) line(`Leder af: ${data.leaderOf.join(', ')}`);

  heading('Brugere og roller');
  none(data.users);
  for (const u of data.users)
    line(
      `${u.displayName} (${u.email ?? 'ingen e-mail'}), roller: ${u.roles.join(', ') || 'ingen'}, oprettet ${date(u.createdAt)}`,
    );
  for (const d of data.delegations)
    line(
      `${d.direction === 'received' ? 'Stedfortræder for' : 'Har givet stedfortræderadgang til'} ${d.unit}, ${day(d.validFrom)}–${day(d.validTo)}${d.revoked ? ' (tilbagekaldt)' : ''}`,
    );

  heading('Sager om personen');
  none(data.casesAbout);
  for (const c of data.casesAbout) {
    doc.moveDown(0.4).font('Helvetica-Bold').text(`${c.number} · ${c.service} · ${c.unit}`).font('Helvetica');
    line(
      `Status: ${c.status}. Indberettet ${date(c.submittedAt)}${c.resolvedAt ? `, løst ${date(c.resolvedAt)}` : ''}${c.outcome ? `, udfald: ${c.outcome}` : ''}.`,
    );
    for (const l of answerLines(c.answers)) line(`  ${l}`);
    for (const e of c.timeline)
      line(
        `  ${date(e.at)} ${e.type}${e.internal ? ' (internt)' : ''}${e.by ? ` – ${e.by}` : ''}${e.body ? `: ${e.body}` : ''}`,
      );
    for (const f of c.files)
      line(
        `  Fil: ${f.fileName} (${f.mimeType}, ${Math.ceil(f.size / 1024)} kB, SHA-256 ${f.sha256.slice(0, 16)}…)`,
      );
  }

  if (data.withheldCases > 0)
    line(
      `${data.withheldCases} sag(er) under forberedelse vises ikke endnu; de bliver synlige for personen fra det trin, servicens regler fastsætter (fx partshøring).`,
    );

  heading('Sager indberettet af personen');
  none(data.casesSubmitted);
  for (const c of data.casesSubmitted)
    line(`${c.number} · ${c.service} · ${c.unit} · ${c.status}, indberettet ${date(c.submittedAt)}`);

  heading('Kladder');
  none(data.drafts);
  for (const d of data.drafts) line(`${d.serviceId}, gemt ${date(d.updatedAt)}`);

  heading('Retslig tilbageholdelse');
  none(data.legalHolds);
  for (const h of data.legalHolds)
    line(
      `${h.caseNumber ?? 'Alle oplysninger'}: ${h.reason} (fra ${date(h.setAt)}${h.releasedAt ? ` til ${date(h.releasedAt)}` : ''})`,
    );

  heading('Hvem har set oplysningerne');
  none(data.readsOfPersonalData);
  for (const r of data.readsOfPersonalData) line(`${date(r.at)} ${r.by}: ${r.action}`);

  doc.end();
  return done;
}
