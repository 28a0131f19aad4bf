import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { textOf } from '@indgang/schemas';
import type { Tx } from '../../audit/appendAudit';
import { DomainError } from '../../errors/DomainError';
import { readCaseRecord } from '../../cases/caseRecord';
import { renderLetterPdf } from '../../letters/renderLetterPdf';
import { todayInDenmark } from '../../time/isoDate';
import type { ActionContext, AutomatedAction } from '../automatedActions';
import { decisionOutputs } from '../processCase';
import { firstStatusCheck } from './digitalPostDelivery';

const refuse = (code: string, da: string, en: string) => new DomainError('unprocessable', code, { da, en });

/** What the step keeps of the letter it will send (data.prepared.payload): every retry sends this. */
const ZPreparedLetter = z.object({
  recipientCpr: z.string().regex(/^\d{10}$/),
  label: z.string(),
  legalNotification: z.boolean(),
  mandatory: z.boolean(),
  caseNumber: z.string(),
  createdAt: z.string(),
  fileName: z.string(),
  letter: z.object({
    sender: z.string(),
    signedBy: z.string(),
    recipientName: z.string(),
    date: z.string(),
    caseNumber: z.string(),
    service: z.string(),
    title: z.string(),
    paragraphs: z.array(z.string()),
    terms: z
      .array(z.object({ title: z.string(), lines: z.array(z.tuple([z.string(), z.string()])) }))
      .optional(),
    createdAt: z.string(),
  }),
});
type PreparedLetter = z.infer<typeof ZPreparedLetter>;

/** The outcome the case has come to: the caseworker's choice, else the latest decision's. */
async function caseOutcome(context: ActionContext) {
  const { tx, pc } = context;
  const { rows: chosen } = await tx.execute<{ outcomeId: string | null }>(sql`
    SELECT data->>'outcomeId' AS "outcomeId" FROM case_steps
    WHERE case_id = ${pc.id} AND status = 'done' AND data ? 'outcomeId' ORDER BY completed_at DESC, id DESC LIMIT 1`);
  let outcomeId = chosen[0]?.outcomeId ?? null;
  if (!outcomeId) {
    const { rows } = await tx.execute<{ outputs: Array<Record<string, unknown>> }>(sql`
      SELECT outputs FROM case_decisions WHERE case_id = ${pc.id} ORDER BY id DESC LIMIT 1`);
    const decided = rows[0] ? decisionOutputs(rows[0].outputs).outcome : undefined;
    outcomeId = typeof decided === 'string' ? decided : null;
  }
  return pc.pinned.service.outcomes.find((o) => o.id === outcomeId) ?? null;
}

/** Paragraphs from a text: blank lines part them. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** A file name Digital Post accepts: the case number and the letter's label, without its forbidden characters. */
const fileName = (caseNumber: string, label: string) =>
  `${caseNumber} ${label}`
    .replace(/[<>:"/\\|?*\r\n\u00a0\u2000-\u200a\u2028\u205f\u2060\u3000]+/gu, '-')
    .slice(0, 120)
    .concat('.pdf');

/**
 * The answers of the named sections as the case record words them (labels, Danish dates, option
 * texts, units by name; CPR numbers and sensitive answers left out), for the letter to list.
 */
async function letterTerms(tx: Tx, pc: ActionContext['pc'], sectionIds: readonly string[]) {
  const service = pc.pinned.service;
  const record = await readCaseRecord(tx, {
    id: pc.id,
    number: pc.number,
    answers: pc.answers,
    submittedAt: pc.submittedAt,
    service: { ...service, sections: service.sections.filter((s) => sectionIds.includes(s.id)) },
  });
  return record.sections;
}

async function prepareLetter(context: ActionContext) {
  const { tx, pc, step } = context;
  const spec = step.letter;
  if (!spec)
    throw refuse(
      'digital_post_no_letter',
      `Trinnet "${textOf(step.name, 'da')}" nævner ikke, hvilket brev der skal sendes.`,
      `The step "${textOf(step.name, 'en')}" does not say which letter to send.`,
    );
  if (!pc.subjectPersonId)
    throw refuse(
      'digital_post_no_person',
      'Sagen handler ikke om en bestemt person, så der er ingen at sende brevet til.',
      'The case is about no particular person, so there is no one to send the letter to.',
    );
  const { rows } = await tx.execute<{
    firstName: string;
    lastName: string;
    cpr: string | null;
    team: string | null;
    municipality: string | null;
  }>(sql`
    SELECT p.first_name AS "firstName", p.last_name AS "lastName", p.cpr,
           (SELECT name FROM teams WHERE id = ${pc.teamId}) AS team,
           (SELECT name FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1) AS municipality
    FROM persons p WHERE p.id = ${pc.subjectPersonId}`);
  const person = rows[0];
  const cpr = person?.cpr?.replace('-', '') ?? '';
  if (!person || !/^\d{10}$/.test(cpr))
    throw refuse(
      'digital_post_no_cpr',
      'Indgang kender ikke CPR-nummeret på den person, sagen handler om, så brevet kan ikke sendes i Digital Post.',
      'Indgang does not know the CPR number of the person the case is about, so the letter cannot be sent by Digital Post.',
    );
  const outcome = await caseOutcome(context);
  const text = spec.text ? textOf(spec.text, 'da') : outcome ? textOf(outcome.label, 'da') : '';
  if (!text.trim())
    throw refuse(
      'digital_post_no_text',
      'Brevet har ingen tekst: trinnet nævner ingen, og sagen har endnu intet udfald.',
      'The letter has no text: the step gives none, and the case has no outcome yet.',
    );
  const label = textOf(spec.label, 'da');
  const terms = spec.terms?.length ? await letterTerms(tx, pc, spec.terms) : undefined;
  const createdAt = new Date().toISOString();
  const payload: PreparedLetter = {
    recipientCpr: cpr,
    label,
    legalNotification: spec.legalNotification,
    mandatory: spec.mandatory,
    caseNumber: pc.number,
    createdAt,
    fileName: fileName(pc.number, label),
    letter: {
      sender: person.municipality ?? 'Kommunen',
      signedBy: person.team ?? 'Koncernservice',
      recipientName: `${person.firstName} ${person.lastName}`,
      date: todayInDenmark(),
      caseNumber: pc.number,
      service: textOf(pc.pinned.service.name, 'da'),
      title: label,
      paragraphs: paragraphs(text),
      ...(terms ? { terms } : {}),
      createdAt,
    },
  };
  return {
    payload,
    // What the timeline and the operations page may show: never the CPR number.
    data: { letter: { label, fileName: payload.fileName, recipientPersonId: pc.subjectPersonId } },
  };
}

/**
 * Sends a letter about the case to the person it is about, by Digital Post: the step's `letter`
 * gives its label (the title in her inbox), its text (else the case's outcome) and whether it has
 * legal effect; the letter is a PDF made when it is sent (the same bytes on every retry). The
 * message UUID comes from the step's call key, so a retry never sends a second letter. Once sent,
 * a job reads the delivery status back onto the case (digitalPostDelivery).
 */
export const DIGITAL_POST_ACTIONS: readonly AutomatedAction[] = [
  {
    name: 'digitalPost.send',
    description: { da: 'Send brev i Digital Post', en: 'Send a letter by Digital Post' },
    connector: {
      name: 'digitalPost',
      operation: 'send',
      prepare: prepareLetter,
      async send(connectors, payload, call) {
        const prepared = ZPreparedLetter.parse(payload);
        const content = await renderLetterPdf(prepared.letter);
        const { messageUuid } = await connectors.digitalPost.send(
          {
            recipientCpr: prepared.recipientCpr,
            label: prepared.label,
            legalNotification: prepared.legalNotification,
            mandatory: prepared.mandatory,
            document: { fileName: prepared.fileName, content, language: 'da' },
            caseNumber: prepared.caseNumber,
            createdAt: prepared.createdAt,
          },
          call,
        );
        return {
          messageUuid,
          sentAt: new Date().toISOString(),
          document: {
            fileName: prepared.fileName,
            bytes: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
          },
        };
      },
      async afterSend(tx: Tx, sent) {
        const messageUuid = sent.answer.messageUuid;
        if (typeof messageUuid !== 'string') return;
        await firstStatusCheck(tx, { caseId: sent.caseId, caseStepId: sent.caseStepId, messageUuid });
      },
    },
  },
];
