import {
  ConnectorError,
  type ConnectorCall,
  type EsdhConnector,
  type FiledDocument,
  type PersonnelFile,
} from '@indgang/domain';
import { connectorRequest, type ConnectorResponse, type ResolvedEndpoint } from '../connectorRequest';
import { buildZRow, lookupValue, parseZRow } from './zRow';

/**
 * The columns Indgang reads and writes. `Title`, `Dato`, `KLENummer`, `Korrespondance`, `CaseID`
 * and the contact fields are GetOrganized's own; the last four are columns the installation adds to
 * the personnel files' document library for Indgang (GetOrganized lets each installation add its
 * own): the external key that lets a retry find its earlier attempt, Indgang's case number, the
 * document kind and whether the employee may see the document.
 */
export const GO_COLUMNS = {
  externalKey: 'ows_EksternReference',
  sourceCase: 'ows_Indgangssag',
  kind: 'ows_Dokumentart',
  visibleToEmployee: 'ows_SynligForMedarbejder',
} as const;

/** Personnel files are cases of type PER, category "Personalesag", classified 81.03.00 G01. */
const PERSONNEL = { prefix: 'PER', category: 'Personalesag', kle: '81.03.00', facet: 'G01' };

interface CaseInfo {
  CaseID: string;
  Title?: string;
  RelativeUrl: string;
}

interface ListedFile {
  Name: string;
  TimeCreated?: string;
  ListItemAllFields?: Record<string, unknown>;
}

/** The system's words without CPR numbers (they never reach the operations page). */
const withoutCpr = (text: string) => text.replace(/\b\d{6}-?\d{4}\b/g, '[CPR]');

/** What GetOrganized said when it refused: ASP.NET's Message, SharePoint's odata.error, or the status. */
function refusalText(response: ConnectorResponse): string {
  try {
    const body = response.json<{ Message?: string; 'odata.error'?: { message?: { value?: string } } }>();
    const text = body.Message ?? body['odata.error']?.message?.value;
    if (text) return withoutCpr(text);
  } catch {
    // Not JSON: the status says it.
  }
  return `GetOrganized answered ${response.status}`;
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  msg: 'application/vnd.ms-outlook',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const contentType = (fileName: string) =>
  CONTENT_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/**
 * A name SharePoint accepts (no backslash, slash, : * ? " < > | # % nor leading or trailing dots and spaces)
 * that no file of the case has yet: GetOrganized refuses a second file of the same name, so a second
 * "bevis.pdf" becomes "bevis (2).pdf".
 */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  const clean = wanted.replace(/[\\/:*?"<>|#%]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '') || 'dokument';
  const dot = clean.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${stem} (${n})${extension}`;
  return name;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The client of GetOrganized (Netcompany's ESDH on SharePoint) for the personnel files, over its
 * REST API (`/_goapi`) and SharePoint's (`/_api`). GetOrganized's creates are not idempotent, so
 * before it creates the client looks for its own earlier attempt: a personnel file by the person's
 * CPR number (the lowest case number wins, so two files made at once still file in one), a
 * document by the external key it sets from the call's key. A refusal (400, 404) is a `refused`
 * ConnectorError with GetOrganized's own words.
 */
export function createGetOrganizedClient(endpoint: ResolvedEndpoint): EsdhConnector {
  const send = async (
    method: string,
    path: string,
    call: ConnectorCall,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await connectorRequest(
      endpoint,
      {
        method,
        path,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      call,
    );
    if (response.status >= 400)
      throw new ConnectorError('refused', `getorganized_${response.status}`, refusalText(response));
    return response;
  };
  const json = async <T>(method: string, path: string, call: ConnectorCall, body?: unknown) => {
    const response = await send(method, path, call, body);
    try {
      return response.json<T>();
    } catch {
      throw new ConnectorError(
        'transient',
        'getorganized_not_json',
        'GetOrganized answered something else than JSON',
      );
    }
  };

  const findCases = async (prefix: string, properties: Record<string, string>, call: ConnectorCall) => {
    const found = await json<{ CasesInfo?: CaseInfo[] }>('POST', '/_goapi/Cases/FindByCaseProperties', call, {
      FieldProperties: Object.entries(properties).map(([InternalName, Value]) => ({
        InternalName,
        Value,
        DataType: 'Text',
        ComparisonType: 'Equal',
        IsMultiValue: 'False',
      })),
      CaseTypePrefixes: [prefix],
      LogicalOperator: 'AND',
      ExcludeDeletedCases: 'True',
      ReturnCasesNumber: '25',
    });
    return [...(found.CasesInfo ?? [])].sort((a, b) => a.CaseID.localeCompare(b.CaseID));
  };

  const personnelCase = async (cpr: string, call: ConnectorCall) =>
    (
      await findCases(
        PERSONNEL.prefix,
        { ows_CCMContactData_CPR: cpr.replace('-', ''), ows_CaseCategory: PERSONNEL.category },
        call,
      )
    )[0];

  const asFile = (info: CaseInfo): PersonnelFile => ({ caseNumber: info.CaseID, title: info.Title ?? '' });

  const listFiles = async (info: CaseInfo, call: ConnectorCall) => {
    const web = info.RelativeUrl.replace(/^\/+|\/+$/g, '');
    const listed = await json<{ value?: ListedFile[] }>(
      'GET',
      `/${web}/_api/web/GetFolderByServerRelativeUrl('/${web}/Dokumenter')/Files?$expand=ListItemAllFields`,
      call,
    );
    return (listed.value ?? []).map((file) => asDocument(info.CaseID, file));
  };

  return {
    async findPersonnelFile(input, call) {
      const found = await personnelCase(input.cpr, call);
      return found ? asFile(found) : null;
    },

    async findOrCreatePersonnelFile(input, call) {
      const cpr = input.cpr.replace('-', '');
      const earlier = await personnelCase(cpr, call);
      if (earlier) return asFile(earlier);
      const created = await json<{ CaseID: string }>('POST', '/_goapi/Cases', call, {
        CaseTypePrefix: PERSONNEL.prefix,
        MetadataXml: buildZRow({
          ows_Title: `Personalesag: ${input.name}`,
          ows_CaseCategory: PERSONNEL.category,
          ows_CaseStatus: 'Åben',
          ows_CCMContactData: `${input.name};#;#${cpr};#;#`,
          ows_CCMContactData_CPR: cpr,
          ows_KLENummer: PERSONNEL.kle,
          ows_Facet: PERSONNEL.facet,
        }),
        ReturnWhenCaseFullyCreated: true,
      });
      // Another job may have made one at the same moment: every job files in the lowest.
      const settled = await personnelCase(cpr, call);
      return settled ? asFile(settled) : { caseNumber: created.CaseID, title: `Personalesag: ${input.name}` };
    },

    async fileDocument(input, call) {
      const prefix = input.caseNumber.split('-')[0] ?? '';
      const [target] = await findCases(prefix, { ows_CaseID: input.caseNumber }, call);
      // A case GetOrganized does not know is refused by the upload below, in its own words.
      const present = target ? await listFiles(target, call) : [];
      const earlier = present.find((d) => d.externalKey === call.key);
      if (earlier) return earlier.document;
      const fileName = freeName(
        input.fileName,
        new Set(present.map((d) => d.document.fileName.toLowerCase())),
      );
      const added = await json<{ DocId?: number }>('POST', '/_goapi/Documents/AddToCase', call, {
        CaseId: input.caseNumber,
        ListName: 'Dokumenter',
        FolderPath: '',
        FileName: fileName,
        Metadata: buildZRow({
          ows_Title: input.title,
          ows_Dato: input.documentDate,
          ows_KLENummer: input.kle,
          ows_Korrespondance: 'Intern',
          [GO_COLUMNS.kind]: input.kind,
          [GO_COLUMNS.visibleToEmployee]: input.visibleToEmployee ? '1' : '0',
          [GO_COLUMNS.externalKey]: call.key,
          [GO_COLUMNS.sourceCase]: input.sourceCase,
        }),
        Overwrite: false,
        Bytes: input.content.toString('base64'),
      });
      if (typeof added.DocId !== 'number')
        throw new ConnectorError('transient', 'getorganized_no_docid', 'GetOrganized answered no DocId');
      return {
        documentId: String(added.DocId),
        caseNumber: input.caseNumber,
        fileName,
        title: input.title,
        documentDate: input.documentDate,
        kle: input.kle,
        kind: input.kind,
        visibleToEmployee: input.visibleToEmployee,
        sourceCase: input.sourceCase,
        filedAt: new Date().toISOString(),
      };
    },

    async listDocuments(input, call) {
      const found = await personnelCase(input.cpr, call);
      if (!found) return [];
      return (await listFiles(found, call))
        .map((d) => d.document)
        .sort(
          (a, b) =>
            b.documentDate.localeCompare(a.documentDate) || Number(b.documentId) - Number(a.documentId),
        );
    },

    async readDocument(input, call) {
      if (!/^\d{1,12}$/.test(input.documentId))
        throw new ConnectorError('refused', 'getorganized_docid', `'${input.documentId}' er ikke et DocID.`);
      const meta = await json<{ Metadata?: string }>(
        'GET',
        `/_goapi/Documents/MetadataWithSystemFields/${input.documentId}`,
        call,
      );
      const row = parseZRow(meta.Metadata ?? '');
      if (!row?.ows_CaseID)
        throw new ConnectorError(
          'transient',
          'getorganized_metadata',
          'GetOrganized answered no metadata row',
        );
      const bytes = await send(
        'GET',
        `/_goapi/Documents/DocumentBytes/${input.documentId}`,
        call,
        undefined,
        {
          accept: 'application/octet-stream',
        },
      );
      // GetOrganized answers a file too large for this endpoint with IIS's 503 page as a 200.
      if (
        bytes.body.subarray(0, 512).toString('latin1').includes('HTTP Error 503. The service is unavailable.')
      )
        throw new ConnectorError('transient', 'getorganized_503', 'GetOrganized could not hand out the file');
      const fileName = lookupValue(row.ows_FileLeafRef) ?? `${input.documentId}.pdf`;
      return {
        fileName,
        contentType: contentType(fileName),
        content: bytes.body,
        caseNumber: row.ows_CaseID,
        visibleToEmployee: row[GO_COLUMNS.visibleToEmployee] === '1',
      };
    },
  };
}

/** A listed file as Indgang reads it, with the external key it carries (if Indgang filed it). */
function asDocument(caseNumber: string, file: ListedFile): { document: FiledDocument; externalKey: string } {
  const fields = file.ListItemAllFields ?? {};
  const field = (column: string) => text(fields[column.replace(/^ows_/, '')]);
  return {
    externalKey: field(GO_COLUMNS.externalKey),
    document: {
      documentId: text(fields.DocID),
      caseNumber,
      fileName: file.Name,
      title: field('ows_Title') || file.Name,
      documentDate: field('ows_Dato').slice(0, 10),
      kle: field('ows_KLENummer'),
      kind: field(GO_COLUMNS.kind),
      visibleToEmployee: field(GO_COLUMNS.visibleToEmployee) === '1',
      sourceCase: field(GO_COLUMNS.sourceCase) || null,
      filedAt: text(fields.Created) || text(file.TimeCreated),
    },
  };
}
