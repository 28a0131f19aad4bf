import type { ConnectorCall } from './ConnectorCall';

/**
 * Records management (shaped after GetOrganized and SBSYS): the employee's personnel file is a case
 * ("personalesag") found by CPR; documents are filed in it with metadata and a KLE number. Creates
 * are not idempotent in the real systems: the adapter looks for its own earlier attempt by the
 * call's key before it creates again.
 */
export interface PersonnelFile {
  caseNumber: string;
  title: string;
}

export interface FiledDocument {
  documentId: string;
  caseNumber: string;
  title: string;
  kle: string;
  filedAt: string;
  /** Whether the employee herself may see it (internal notes may not be). */
  visibleToEmployee: boolean;
}

export interface EsdhConnector {
  findOrCreatePersonnelFile(
    input: { cpr: string; name: string },
    call: ConnectorCall,
  ): Promise<PersonnelFile>;
  fileDocument(
    input: {
      caseNumber: string;
      title: string;
      kle: string;
      fileName: string;
      contentType: string;
      content: Buffer;
      visibleToEmployee: boolean;
      /** Indgang's case number, kept as metadata. */
      sourceCase: string;
    },
    call: ConnectorCall,
  ): Promise<FiledDocument>;
  listDocuments(input: { cpr: string }, call: ConnectorCall): Promise<FiledDocument[]>;
  readDocument(
    input: { documentId: string },
    call: ConnectorCall,
  ): Promise<{ fileName: string; contentType: string; content: Buffer }>;
}
