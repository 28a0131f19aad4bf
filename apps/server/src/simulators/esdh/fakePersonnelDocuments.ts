import PDFDocument from 'pdfkit';
import { collectPdf } from '../../pdf/collectPdf';
import type { SimulatorStore } from '../SimulatorStore';
import type { DemoPerson } from '../demoPeople';
import type { GoCase, GoDocument } from './getOrganizedSimulator';

/** What a demo document says; it is drawn when read, so the simulator's state stays small. */
export interface FakeDocumentSeed {
  kind: 'ansaettelsesbrev' | 'loenaftale' | 'notat';
  name: string;
  position: string;
  unit: string;
  date: string;
}

const TITLES: Record<FakeDocumentSeed['kind'], { title: string; kind: string; visible: boolean }> = {
  ansaettelsesbrev: { title: 'Ansættelsesbrev', kind: 'Ansættelsesbrev', visible: true },
  loenaftale: { title: 'Lønaftale', kind: 'Lønaftale', visible: true },
  notat: { title: 'Notat fra lederen', kind: 'Notat', visible: false },
};

const danish = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A clearly fake document of a demo person's personnel file, one page: every page says it is
 * made up for the demonstration and holds nothing about a real person.
 */
export function renderFakeDocument(seed: FakeDocumentSeed): Promise<Buffer> {
  const title = TITLES[seed.kind].title;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    info: {
      Title: `${title} – ${seed.name} (demo)`,
      Author: 'Eksempel Kommune (demo)',
      CreationDate: new Date(`${seed.date}T09:00:00Z`),
    },
    lang: 'da-DK',
  } as PDFKit.PDFDocumentOptions);
  const done = collectPdf(doc);
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor('#a00')
    .text('DEMO – FIKTIVT DOKUMENT, INGEN RIGTIGE OPLYSNINGER');
  doc.moveDown(1).fillColor('#000').font('Helvetica').fontSize(10).text('Eksempel Kommune');
  doc.text(seed.unit);
  doc.moveDown(1).text(`Dato: ${danish(seed.date)}`);
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(16).text(`${title}: ${seed.name}`);
  doc.moveDown(0.8).font('Helvetica').fontSize(11);
  const body: Record<FakeDocumentSeed['kind'], string> = {
    ansaettelsesbrev: `Eksempel Kommune bekræfter hermed ansættelsen af ${seed.name} som ${seed.position.toLowerCase()} ved ${seed.unit} fra den ${danish(seed.date)}. Løn og vilkår følger den gældende overenskomst. Dette brev er lavet til demonstration af Indgang.`,
    loenaftale: `Der er indgået aftale om løntillæg for ${seed.name} (${seed.position.toLowerCase()}) med virkning fra den ${danish(seed.date)}. Tillægget er fiktivt og findes kun i demonstrationen.`,
    notat: `Notat om en samtale med ${seed.name} den ${danish(seed.date)}. Notatet er internt og vises ikke for medarbejderen. Indholdet er opdigtet til demonstrationen.`,
  };
  doc.text(body[seed.kind], { width: doc.page.width - 120 });
  doc.end();
  return done;
}

/** A date `days` after an ISO date, never after `latest`. */
function later(iso: string, days: number, latest: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const out = date.toISOString().slice(0, 10);
  return out < latest ? out : latest;
}

/**
 * Gives the demo people the personnel files a municipality's records system would already hold:
 * one case each (found again by CPR, so a restarted demo adds nothing) with an employment letter,
 * a pay agreement and a leader's note the employee does not see, all clearly fake. Writes the
 * system's own state directly: it is what was filed before Indgang came.
 */
export function seedPersonnelFiles(store: SimulatorStore, people: DemoPerson[], today: string): number {
  let seeded = 0;
  const year = today.slice(0, 4);
  for (const person of people) {
    const cpr = person.cpr.replace('-', '');
    if (store.find<GoCase>('cases', (c) => c.metadata.ows_CCMContactData_CPR === cpr).length > 0) continue;
    const name = `${person.firstName} ${person.lastName}`;
    const stem = `PER-${year}-`;
    const highest = store
      .list<GoCase>('cases')
      .filter((c) => c.CaseID.startsWith(stem))
      .reduce((max, c) => Math.max(max, Number(c.CaseID.slice(stem.length))), 0);
    const caseId = `${stem}${String(highest + 1).padStart(6, '0')}`;
    const relativeUrl = `cases/PER01/${caseId}`;
    store.put<GoCase>('cases', caseId, {
      CaseID: caseId,
      RelativeUrl: relativeUrl,
      created: `${person.startDate}T08:00:00.000Z`,
      metadata: {
        ows_Title: `Personalesag: ${name}`,
        ows_CaseCategory: 'Personalesag',
        ows_CaseStatus: 'Åben',
        ows_CCMContactData: `${name};#;#${cpr};#;#`,
        ows_CCMContactData_CPR: cpr,
        ows_KLENummer: '81.03.00',
        ows_Facet: 'G01',
      },
    });
    const seeds: FakeDocumentSeed[] = [
      { kind: 'ansaettelsesbrev', date: person.startDate },
      { kind: 'loenaftale', date: later(person.startDate, 400, today) },
      { kind: 'notat', date: later(person.startDate, 700, today) },
    ].map((s) => ({ ...s, name, position: person.position, unit: person.unit }) as FakeDocumentSeed);
    for (const seed of seeds) {
      const docId = 200_000 + store.next();
      const meta = TITLES[seed.kind];
      store.put<GoDocument>('documents', String(docId), {
        DocID: docId,
        CaseID: caseId,
        FileName: `${seed.kind}-${docId}.pdf`,
        created: `${seed.date}T09:00:00.000Z`,
        size: 0,
        seed,
        metadata: {
          ows_Title: meta.title,
          ows_Dato: seed.date,
          ows_KLENummer: '81.03.00-G01',
          ows_Dokumentart: meta.kind,
          ows_Korrespondance: seed.kind === 'notat' ? 'Intern' : 'Udgående',
          ows_SynligForMedarbejder: meta.visible ? '1' : '0',
        },
      });
    }
    seeded += 1;
  }
  return seeded;
}
