import type { ConnectorCall } from './ConnectorCall';

/**
 * Records management (shaped after GetOrganized): the employee's personnel file is a case
 * ("personalesag") found by CPR; documents are filed in it with metadata and a KLE number. Creates
 * are not idempotent in the real system: the adapter looks for its own earlier attempt (the
 * personnel file by CPR, a document by the external key it sets from the call's key) before it
 * creates again, so a retry after a lost answer never files twice.
 */
export interface PersonnelFile {
  /** The system's own case number, e.g. GetOrganized's "PER-2026-000123". */
  caseNumber: string;
  title: string;
}

/** What a document is, in the personnel file's words (ansættelsesbrev, lønaftale, afgørelse …). */
export interface EsdhDocumentMetadata {
  title: string;
  /** The document's own date (YYYY-MM-DD), not when it was filed. */
  documentDate: string;
  /** KLE number, with a handling facet where the service has one (81.03.00-G01). */
  kle: string;
  /** Dokumentart, e.g. "Afgørelse", "Bilag", "Ansættelsesbrev". */
  kind: string;
  /** Whether the employee herself may see it (internal notes may not be). */
  visibleToEmployee: boolean;
}

export interface FiledDocument extends EsdhDocumentMetadata {
  documentId: string;
  caseNumber: string;
  fileName: string;
  filedAt: string;
  /** Indgang's case number when Indgang filed it; null for what was filed in the system itself. */
  sourceCase: string | null;
}

export interface EsdhConnector {
  /** The person's personnel file, or null: a read that never creates. */
  findPersonnelFile(input: { cpr: string }, call: ConnectorCall): Promise<PersonnelFile | null>;
  findOrCreatePersonnelFile(
    input: { cpr: string; name: string },
    call: ConnectorCall,
  ): Promise<PersonnelFile>;
  /** Files once per call key: a retry with the same key answers the document filed the first time. */
  fileDocument(
    input: EsdhDocumentMetadata & {
      caseNumber: string;
      fileName: string;
      contentType: string;
      content: Buffer;
      /** Indgang's case number, kept as metadata. */
      sourceCase: string;
    },
    call: ConnectorCall,
  ): Promise<FiledDocument>;
  /** The documents of the person's personnel file, newest first; none when she has no file. */
  listDocuments(input: { cpr: string }, call: ConnectorCall): Promise<FiledDocument[]>;
  /** One document's file, with the case it lies in (so a reader can check it is the file she may read). */
  readDocument(
    input: { documentId: string },
    call: ConnectorCall,
  ): Promise<{
    fileName: string;
    contentType: string;
    content: Buffer;
    caseNumber: string;
    visibleToEmployee: boolean;
  }>;
}
