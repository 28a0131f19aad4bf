import { z } from 'zod';
import { DomainError } from '../../errors/DomainError';
import type { LookupOperation, LookupSubject } from './LookupOperation';
import { personnelFileAccess, seesOnlyOwnShare } from './personnelFileAccess';

/** A document larger than this is not handed out through a lookup (its answer is kept as JSON). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const ZPersonId = z.string().min(1).max(100).describe("The person whose file; absent: the asker's own");

const ZPersonnelFileInput = z.object({ personId: ZPersonId.optional() }).strict();
type PersonnelFileInput = z.infer<typeof ZPersonnelFileInput>;

const ZDocumentInput = z
  .object({ personId: ZPersonId.optional(), documentId: z.string().regex(/^\d{1,12}$/) })
  .strict();
type DocumentInput = z.infer<typeof ZDocumentInput>;

const cprOf = (subject: LookupSubject) => {
  if (!subject.cpr) throw new Error('the personnel file lookups need the CPR number authorize found');
  return subject.cpr;
};

const notInFile = () =>
  new DomainError('not_found', 'document_not_found', {
    da: 'Dokumentet findes ikke i personalesagen, eller du har ikke adgang til det.',
    en: 'The document is not in the personnel file, or you have no access to it.',
  });

/** The documents of a personnel file: the employee's own (those marked for her), or a person's she may read. */
const personnelFile: LookupOperation<PersonnelFileInput> = {
  name: 'esdh.personnelFile',
  connector: 'esdh',
  title: { da: 'Dokumenter i personalesagen', en: 'Documents in the personnel file' },
  input: ZPersonnelFileInput,
  async authorize(tx, actor, input) {
    const access = await personnelFileAccess(tx, actor, input.personId);
    return {
      personId: access.personId,
      cpr: access.cpr,
      what: `Personalesagens dokumentliste (ESDH), læst som ${access.reader === 'self' ? 'medarbejderen selv' : access.reader === 'leader' ? 'leder' : 'sagsbehandler'}`,
    };
  },
  async run(connectors, _input, call, actor, subject) {
    const own = seesOnlyOwnShare(actor, subject.personId);
    const documents = await connectors.esdh.listDocuments({ cpr: cprOf(subject) }, call);
    return {
      documents: documents
        .filter((d) => !own || d.visibleToEmployee)
        .map((d) => ({
          documentId: d.documentId,
          title: d.title,
          kind: d.kind,
          documentDate: d.documentDate || null,
          fileName: d.fileName,
          filedAt: d.filedAt || null,
          ...(own ? {} : { visibleToEmployee: d.visibleToEmployee }),
        })),
    };
  },
};

/**
 * One document of a personnel file, as its bytes in base64 with its name and type (kept for the
 * asker alone for a few minutes, like every lookup's answer): only from the file of the person the
 * asker may read, and for the employee herself only what is marked for her.
 */
const document: LookupOperation<DocumentInput> = {
  name: 'esdh.document',
  connector: 'esdh',
  title: { da: 'Dokument fra personalesagen', en: 'Document from the personnel file' },
  input: ZDocumentInput,
  async authorize(tx, actor, input) {
    const access = await personnelFileAccess(tx, actor, input.personId);
    return {
      personId: access.personId,
      cpr: access.cpr,
      what: `Dokument ${input.documentId} fra personalesagen (ESDH)`,
    };
  },
  async run(connectors, input, call, actor, subject) {
    const file = await connectors.esdh.findPersonnelFile({ cpr: cprOf(subject) }, call);
    if (!file) throw notInFile();
    const found = await connectors.esdh.readDocument({ documentId: input.documentId }, call);
    if (found.caseNumber !== file.caseNumber) throw notInFile();
    if (seesOnlyOwnShare(actor, subject.personId) && !found.visibleToEmployee) throw notInFile();
    if (found.content.length > DOCUMENT_MAX_BYTES)
      throw new DomainError('unprocessable', 'document_too_large', {
        da: `Dokumentet er for stort til at blive vist her (${Math.ceil(found.content.length / 1048576)} MB). Åbn det i ESDH, eller spørg Koncernservice.`,
        en: `The document is too large to show here (${Math.ceil(found.content.length / 1048576)} MB). Open it in the records system, or ask the service centre.`,
      });
    return {
      fileName: found.fileName,
      contentType: found.contentType,
      size: found.content.length,
      contentBase64: found.content.toString('base64'),
    };
  },
};

export const ESDH_LOOKUPS = [personnelFile, document] as const;
