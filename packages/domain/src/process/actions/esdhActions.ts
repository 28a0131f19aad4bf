import { sql } from 'drizzle-orm';
import type { FiledDocument } from '../../connectors/esdhPort';
import { readCaseRecord, type CaseRecord } from '../../cases/caseRecord';
import { renderCaseRecordPdf } from '../../cases/renderCaseRecordPdf';
import { renderLetterPdf, type LetterContent } from '../../letters/renderLetterPdf';
import { DomainError } from '../../errors/DomainError';
import { todayInDenmark } from '../../time/isoDate';
import type { AutomatedAction } from '../automatedActions';
import { conditionAnswers } from '../processCase';
import { personByCpr } from '../../cases/personByCpr';

/** What `esdh.file` sends, kept on the step: no CPR number and no file bytes, only what names them. */
interface FilePayload {
  /** The employee the case is about, whose CPR number Indgang keeps; null for a person named by CPR number. */
  personId: string | null;
  /** A person the case names by CPR number (a future hire): the case and the answer holding it. */
  cprAnswer?: { caseId: string; section: string; field: string };
  name: string;
  kle: string;
  sourceCase: string;
  documentDate: string;
  visibleToEmployee: boolean;
  record: CaseRecord;
  attachments: Array<{ id: string; fileName: string; mimeType: string }>;
  /** The letters the case sent by Digital Post, as they were sent (rendered again, the same bytes). */
  letters?: Array<{ label: string; fileName: string; letter: LetterContent }>;
}

const refuse = (code: string, da: string, en: string) => new DomainError('unprocessable', code, { da, en });

/** The file name a document gets in the personnel file: the case number and what it is, no path. */
const recordFileName = (record: CaseRecord) =>
  `${record.caseNumber}-${record.kind === 'Afgørelse' ? 'afgoerelse' : 'kvittering'}.pdf`;

/**
 * `esdh.file`: files the case's record (a receipt, or the decision once one is given) and the
 * case's attachments in the personnel file of the person the case is about (the `person` answer,
 * else the case's subject, else the person the form names by CPR number, e.g. a future hire),
 * under the service's KLE number. The personnel file is found by CPR or created; each document
 * carries an external key from the step's call key and its place, so a retry after a lost answer
 * files nothing twice. A case hidden from the person it is about (a dismissal before her hearing)
 * files documents she does not see. Letters the case sent by Digital Post are filed too, as sent.
 * The step records the personnel file's case number and the
 * documents' ids.
 */
export const ESDH_ACTIONS: readonly AutomatedAction[] = [
  {
    name: 'esdh.file',
    description: {
      da: 'Læg sagens dokumenter i personalesagen (ESDH)',
      en: "File the case's documents in the personnel file (ESDH)",
    },
    connector: {
      name: 'esdh',
      operation: 'fileDocuments',
      async prepare({ tx, pc }) {
        const answers = conditionAnswers(pc);
        const personId = typeof answers.person === 'string' ? answers.person : pc.subjectPersonId;
        const byCpr = personId ? null : personByCpr(pc.pinned.service, pc.answers);
        if (!personId && !byCpr)
          throw refuse(
            'esdh_no_person',
            'Sagen nævner ingen medarbejder, så dokumenterne kan ikke lægges i en personalesag; en sagsbehandler må journalisere dem.',
            'The case names no employee, so its documents cannot be filed in a personnel file; a caseworker must file them.',
          );
        const { rows } = await tx.execute<{ name: string | null; hasCpr: boolean; hidden: boolean }>(sql`
          SELECT p.first_name || ' ' || p.last_name AS name, p.cpr IS NOT NULL AS "hasCpr",
                 c.subject_hidden_until IS NOT NULL AS hidden
          FROM cases c LEFT JOIN persons p ON p.id = ${personId} WHERE c.id = ${pc.id}`);
        const person = byCpr
          ? { ...rows[0]!, name: `${byCpr.firstName} ${byCpr.lastName}`.trim(), hasCpr: true }
          : rows[0];
        if (!person?.hasCpr || person.name === null)
          throw refuse(
            'esdh_no_cpr',
            'Indgang kender ikke medarbejderens CPR-nummer, så personalesagen kan ikke findes; en sagsbehandler må journalisere dokumenterne.',
            "Indgang does not know the employee's CPR number, so the personnel file cannot be found; a caseworker must file the documents.",
          );
        const { rows: attachments } = await tx.execute<FilePayload['attachments'][number]>(sql`
          SELECT id, file_name AS "fileName", mime_type AS "mimeType" FROM attachments
          WHERE case_id = ${pc.id} ORDER BY created_at, id`);
        // Letters sent on the case: the letter without its recipient's CPR number.
        const { rows: sentLetters } = await tx.execute<{
          prepared: { payload: { label: string; fileName: string; letter: LetterContent } };
        }>(sql`
          SELECT data->'prepared' AS prepared FROM case_steps
          WHERE case_id = ${pc.id} AND data->>'action' = 'digitalPost.send' AND data->>'sent' = 'true'
          ORDER BY id`);
        const payload: FilePayload = {
          personId,
          ...(byCpr ? { cprAnswer: { caseId: pc.id, section: byCpr.section, field: byCpr.field } } : {}),
          name: person.name,
          // A service without a KLE number is sent as it is: the records system refuses it in its words.
          kle: pc.pinned.service.kle ?? '',
          sourceCase: pc.number,
          documentDate: todayInDenmark(),
          visibleToEmployee: !person.hidden,
          record: await readCaseRecord(tx, { ...pc, service: pc.pinned.service }),
          attachments,
          letters: sentLetters.map(({ prepared: { payload: sent } }) => ({
            label: sent.label,
            fileName: sent.fileName,
            letter: sent.letter,
          })),
        };
        return { payload: { ...payload } };
      },
      async send(connectors, sent, call, services) {
        const payload = sent as unknown as FilePayload;
        const at = payload.cprAnswer;
        const { rows } = await services.db.execute<{ cpr: string | null }>(
          at
            ? sql`SELECT answers->${at.section}::text->>${at.field}::text AS cpr FROM cases WHERE id = ${at.caseId}`
            : sql`SELECT cpr FROM persons WHERE id = ${payload.personId}`,
        );
        const cpr = rows[0]?.cpr;
        if (!cpr)
          throw refuse(
            'esdh_no_cpr',
            'Indgang kender ikke længere medarbejderens CPR-nummer; en sagsbehandler må journalisere dokumenterne.',
            "Indgang no longer knows the employee's CPR number; a caseworker must file the documents.",
          );
        const file = await connectors.esdh.findOrCreatePersonnelFile(
          { cpr, name: payload.name },
          { ...call, key: `${call.key}/personalesag` },
        );
        const common = {
          caseNumber: file.caseNumber,
          documentDate: payload.documentDate,
          kle: payload.kle,
          visibleToEmployee: payload.visibleToEmployee,
          sourceCase: payload.sourceCase,
        };
        const filed: FiledDocument[] = [
          await connectors.esdh.fileDocument(
            {
              ...common,
              title: `${payload.record.title} (sag ${payload.sourceCase})`,
              kind: payload.record.kind,
              fileName: recordFileName(payload.record),
              contentType: 'application/pdf',
              content: await renderCaseRecordPdf(payload.record),
            },
            { ...call, key: `${call.key}/dokument-0` },
          ),
        ];
        for (const [i, attachment] of payload.attachments.entries()) {
          const { rows: found } = await services.db.execute<{ content: Buffer }>(sql`
            SELECT content FROM attachments WHERE id = ${attachment.id} AND case_id IS NOT NULL`);
          // A file deleted since (the case's retention ran out) is not filed.
          if (!found[0]) continue;
          filed.push(
            await connectors.esdh.fileDocument(
              {
                ...common,
                title: `Bilag: ${attachment.fileName}`,
                kind: 'Bilag',
                fileName: attachment.fileName,
                contentType: attachment.mimeType,
                content: found[0].content,
              },
              { ...call, key: `${call.key}/dokument-${i + 1}` },
            ),
          );
        }
        for (const [i, sentLetter] of (payload.letters ?? []).entries())
          filed.push(
            await connectors.esdh.fileDocument(
              {
                ...common,
                title: `${sentLetter.label} (sendt i Digital Post, sag ${payload.sourceCase})`,
                kind: 'Brev',
                fileName: sentLetter.fileName,
                contentType: 'application/pdf',
                content: await renderLetterPdf(sentLetter.letter),
              },
              { ...call, key: `${call.key}/brev-${i}` },
            ),
          );
        return {
          caseNumber: file.caseNumber,
          documents: filed.map((d) => ({ documentId: d.documentId, title: d.title, fileName: d.fileName })),
        };
      },
    },
  },
];
