import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildZRow, parseZRow } from '../../connectors/esdh/zRow';
import type { SimulatorPlugin } from '../startSimulators';
import type { SimulatorStore } from '../SimulatorStore';
import { renderFakeDocument, seedPersonnelFiles, type FakeDocumentSeed } from './fakePersonnelDocuments';

/** A case as GetOrganized keeps it: its number, the web it lives in, and its metadata row. */
export interface GoCase {
  CaseID: string;
  /** The case web's path under the site, e.g. cases/PER01/PER-2026-000123. */
  RelativeUrl: string;
  metadata: Record<string, string>;
  created: string;
}

/** A document in a case's library "Dokumenter". */
export interface GoDocument {
  DocID: number;
  CaseID: string;
  FileName: string;
  metadata: Record<string, string>;
  created: string;
  size: number;
  /** What was uploaded (base64); absent for the demo's own documents, which are drawn when read. */
  content?: string;
  seed?: FakeDocumentSeed;
}

/** The case types this installation has (personnel files only), and the web each lives in. */
const CASE_TYPES: Record<string, { web: string; required: string[] }> = {
  PER: { web: 'PER01', required: ['ows_Title', 'ows_CCMContactData_CPR'] },
};

/** Columns the personnel files' document library requires, as the installation configured it. */
const DOCUMENT_REQUIRED = ['ows_Title', 'ows_Dato', 'ows_KLENummer'];
const KLE = /^\d{2}\.\d{2}\.\d{2}(-[A-Z]\d{2})?$/;

/** GetOrganized answers a refusal as ASP.NET Web API does: a status and a Message. */
const refuse = (reply: FastifyReply, status: number, message: string) =>
  reply.code(status).send({ Message: message });

const now = () => new Date().toISOString();
/** SharePoint's own rendering of a date column. */
const spDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value} 00:00:00` : value);

interface FieldProperty {
  InternalName?: string;
  Value?: string;
  ComparisonType?: string;
}

function matches(metadata: Record<string, string>, property: FieldProperty): boolean {
  const name = property.InternalName ?? '';
  const actual = name === 'ows_CaseID' ? metadata.ows_CaseID : metadata[name];
  const value = property.Value ?? '';
  if (actual === undefined) return false;
  switch (property.ComparisonType ?? 'Equal') {
    case 'Contains':
      return actual.includes(value);
    case 'BeginsWith':
      return actual.startsWith(value);
    case 'NotEqual':
      return actual !== value;
    default:
      return actual === value;
  }
}

/** The next number of a case type in a year: PER-2026-000001, PER-2026-000002, … */
function nextCaseNumber(store: SimulatorStore, prefix: string): string {
  const year = new Date().getFullYear();
  const stem = `${prefix}-${year}-`;
  const highest = store
    .list<GoCase>('cases')
    .filter((c) => c.CaseID.startsWith(stem))
    .reduce((max, c) => Math.max(max, Number(c.CaseID.slice(stem.length))), 0);
  return `${stem}${String(highest + 1).padStart(6, '0')}`;
}

/** A document as SharePoint's REST API lists a library's files (with `$expand=ListItemAllFields`). */
function listedFile(doc: GoDocument, site: string, size: number) {
  const fields = Object.fromEntries(
    Object.entries(doc.metadata).map(([name, value]) => [name.replace(/^ows_/, ''), value]),
  );
  return {
    Name: doc.FileName,
    ServerRelativeUrl: `/${site}/Dokumenter/${doc.FileName}`,
    TimeCreated: doc.created,
    Length: String(size),
    ListItemAllFields: { ...fields, DocID: doc.DocID, CaseID: doc.CaseID, Created: doc.created },
  };
}

/** The document's row as `Documents/MetadataWithSystemFields` answers it. */
function systemFieldsRow(doc: GoDocument, size: number): string {
  const extension = doc.FileName.includes('.') ? doc.FileName.split('.').pop()!.toLowerCase() : '';
  return buildZRow({
    ...doc.metadata,
    ows_Dato: doc.metadata.ows_Dato ? spDate(doc.metadata.ows_Dato) : undefined,
    ows_CaseID: doc.CaseID,
    ows_DocID: String(doc.DocID),
    ows_FileLeafRef: `${doc.DocID};#${doc.FileName}`,
    ows_File_x0020_Type: extension,
    ows_Created: doc.created,
    ows_File_x0020_Size: `${doc.DocID};#${size}`,
  });
}

/**
 * Simulated GetOrganized (Netcompany's ESDH on SharePoint), as far as the personnel files need it:
 * find cases by their properties, create a case (not idempotent: the same create twice makes two
 * cases, as the real one does), add a document to a case's library (also not idempotent), list a
 * library's files through SharePoint's REST API, and read a document's metadata and bytes.
 * Refusals are GetOrganized's: a status and a Message in the installation's language.
 */
function registerGetOrganized(app: FastifyInstance, store: SimulatorStore) {
  // The demo's own documents are drawn when read; their sizes are remembered once drawn.
  const drawn = new Map<number, Buffer>();
  const bytesOf = async (doc: GoDocument) => {
    if (doc.content) return Buffer.from(doc.content, 'base64');
    let bytes = drawn.get(doc.DocID);
    if (!bytes) drawn.set(doc.DocID, (bytes = await renderFakeDocument(doc.seed!)));
    return bytes;
  };

  app.post<{
    Body: { FieldProperties?: FieldProperty[]; CaseTypePrefixes?: string[]; LogicalOperator?: string };
  }>('/_goapi/Cases/FindByCaseProperties', { config: { operation: 'findCases' } }, async (request, reply) => {
    const body = request.body ?? {};
    const prefixes = body.CaseTypePrefixes ?? [];
    const unknown = prefixes.find((p) => !CASE_TYPES[p]);
    if (unknown) return refuse(reply, 400, `Sagstypen '${unknown}' findes ikke.`);
    const properties = body.FieldProperties ?? [];
    if (properties.length === 0) return refuse(reply, 400, 'Der skal angives mindst ét søgefelt.');
    const any = (body.LogicalOperator ?? 'AND').toUpperCase() === 'OR';
    const found = store
      .list<GoCase>('cases')
      .filter((c) => prefixes.length === 0 || prefixes.includes(c.CaseID.split('-')[0]!))
      .filter((c) => {
        const row = { ...c.metadata, ows_CaseID: c.CaseID };
        return any ? properties.some((p) => matches(row, p)) : properties.every((p) => matches(row, p));
      });
    return {
      CasesInfo: found.map((c) => ({
        CaseID: c.CaseID,
        Title: c.metadata.ows_Title ?? '',
        RelativeUrl: c.RelativeUrl,
        CaseStatus: c.metadata.ows_CaseStatus ?? '',
      })),
    };
  });

  app.post<{ Body: { CaseTypePrefix?: string; MetadataXml?: string } }>(
    '/_goapi/Cases',
    { config: { operation: 'createCase' } },
    async (request, reply) => {
      const { CaseTypePrefix: prefix = '', MetadataXml: xml = '' } = request.body ?? {};
      const type = CASE_TYPES[prefix];
      if (!type) return refuse(reply, 400, `Sagstypen '${prefix}' findes ikke.`);
      const metadata = parseZRow(xml);
      if (!metadata) return refuse(reply, 400, 'MetadataXml er ikke gyldig XML.');
      const missing = type.required.find((name) => !metadata[name]);
      if (missing)
        return refuse(reply, 400, `Du skal angive en værdi for det obligatoriske felt ${missing.slice(4)}.`);
      if (metadata.ows_CCMContactData_CPR && !/^\d{10}$/.test(metadata.ows_CCMContactData_CPR))
        return refuse(reply, 400, 'CCMContactData_CPR skal være et CPR-nummer med 10 cifre.');
      const caseId = nextCaseNumber(store, prefix);
      const created: GoCase = {
        CaseID: caseId,
        RelativeUrl: `cases/${type.web}/${caseId}`,
        metadata: { ows_CaseStatus: 'Åben', ...metadata },
        created: now(),
      };
      store.put('cases', caseId, created);
      return { CaseID: caseId, CaseRelativeUrl: created.RelativeUrl };
    },
  );

  app.post<{
    Body: {
      CaseId?: string;
      ListName?: string;
      FileName?: string;
      Metadata?: string;
      Overwrite?: boolean;
      Bytes?: string;
    };
  }>('/_goapi/Documents/AddToCase', { config: { operation: 'addDocument' } }, async (request, reply) => {
    const body = request.body ?? {};
    const target = body.CaseId ? store.get<GoCase>('cases', body.CaseId) : undefined;
    if (!target) return refuse(reply, 404, `Sagen '${body.CaseId ?? ''}' findes ikke.`);
    if (target.metadata.ows_CaseStatus === 'Afsluttet')
      return refuse(reply, 400, `Sagen '${target.CaseID}' er afsluttet og kan ikke tilføjes dokumenter.`);
    if ((body.ListName ?? 'Dokumenter') !== 'Dokumenter')
      return refuse(reply, 400, `Listen '${body.ListName}' findes ikke på sagen.`);
    const fileName = body.FileName?.trim() ?? '';
    if (!fileName || /[\\/:*?"<>|#%]/.test(fileName))
      return refuse(reply, 400, 'Filnavnet mangler eller indeholder ugyldige tegn.');
    if (
      !body.Overwrite &&
      store.find<GoDocument>(
        'documents',
        (d) => d.CaseID === target.CaseID && d.FileName.toLowerCase() === fileName.toLowerCase(),
      ).length > 0
    )
      return refuse(reply, 400, `Der findes allerede en fil med navnet '${fileName}'.`);
    const content = Buffer.from(body.Bytes ?? '', 'base64');
    if (content.length === 0) return refuse(reply, 400, 'Dokumentet er tomt.');
    const metadata = parseZRow(body.Metadata ?? '');
    if (!metadata) return refuse(reply, 400, 'Metadata er ikke gyldig XML.');
    const missing = DOCUMENT_REQUIRED.find((name) => !metadata[name]);
    if (missing)
      return refuse(reply, 400, `Du skal angive en værdi for det obligatoriske felt ${missing.slice(4)}.`);
    if (!KLE.test(metadata.ows_KLENummer!))
      return refuse(reply, 400, `'${metadata.ows_KLENummer}' er ikke et gyldigt KLE-nummer.`);
    if (!/^\d{4}-\d{2}-\d{2}/.test(metadata.ows_Dato!))
      return refuse(reply, 400, `'${metadata.ows_Dato}' er ikke en gyldig dato.`);
    const docId = 200_000 + store.next();
    store.put<GoDocument>('documents', String(docId), {
      DocID: docId,
      CaseID: target.CaseID,
      FileName: fileName,
      metadata: { ows_Korrespondance: 'Intern', ...metadata, ows_Dato: metadata.ows_Dato!.slice(0, 10) },
      created: now(),
      size: content.length,
      content: content.toString('base64'),
    });
    return { DocId: docId };
  });

  app.get<{ Params: { site: string; caseId: string; '*': string } }>(
    '/cases/:site/:caseId/_api/web/*',
    { config: { operation: 'listDocuments' } },
    async (request, reply) => {
      const { site, caseId } = request.params;
      const folder = /^GetFolderByServerRelativeUrl\('([^']*)'\)\/Files$/i.exec(request.params['*']);
      const target = store.get<GoCase>('cases', caseId);
      if (!folder || !target || target.RelativeUrl !== `cases/${site}/${caseId}`)
        return reply.code(404).send({
          'odata.error': {
            code: '-2147024894, System.IO.FileNotFoundException',
            message: { lang: 'da-DK', value: 'Filen blev ikke fundet.' },
          },
        });
      if (folder[1]!.replace(/^\//, '').replace(/\/$/, '') !== `${target.RelativeUrl}/Dokumenter`)
        return reply.code(404).send({
          'odata.error': {
            code: '-2147024894, System.IO.FileNotFoundException',
            message: { lang: 'da-DK', value: 'Filen blev ikke fundet.' },
          },
        });
      const docs = store
        .find<GoDocument>('documents', (d) => d.CaseID === caseId)
        .sort((a, b) => a.DocID - b.DocID);
      const files = [];
      for (const d of docs)
        files.push(listedFile(d, target.RelativeUrl, d.size || (await bytesOf(d)).length));
      return { value: files };
    },
  );

  app.get<{ Params: { docId: string } }>(
    '/_goapi/Documents/MetadataWithSystemFields/:docId',
    { config: { operation: 'documentMetadata' } },
    async (request, reply) => {
      const doc = store.get<GoDocument>('documents', request.params.docId);
      if (!doc) return refuse(reply, 404, `Dokumentet med DocID ${request.params.docId} findes ikke.`);
      return { Metadata: systemFieldsRow(doc, doc.size || (await bytesOf(doc)).length) };
    },
  );

  app.get<{ Params: { docId: string } }>(
    '/_goapi/Documents/DocumentBytes/:docId',
    { config: { operation: 'documentBytes' } },
    async (request, reply) => {
      const doc = store.get<GoDocument>('documents', request.params.docId);
      if (!doc) return refuse(reply, 404, `Dokumentet med DocID ${request.params.docId} findes ikke.`);
      return reply.type('application/octet-stream').send(await bytesOf(doc));
    },
  );
}

export const getOrganizedSimulator: SimulatorPlugin = {
  connector: 'esdh',
  prefix: '/esdh',
  register: registerGetOrganized,
  seed(store, people, today) {
    seedPersonnelFiles(store, people, today);
  },
};
