import { sql } from 'drizzle-orm';
import type { DeliveryStatus } from '../../connectors/digitalPostPort';
import { appendAudit, type Tx } from '../../audit/appendAudit';
import { handCaseToPerson, SYSTEM_ACTOR } from '../../automation/handCaseToPerson';
import { appendCaseEvent } from '../../cases/appendCaseEvent';
import { callConnector } from '../../connectors/callConnector';
import { DomainError } from '../../errors/DomainError';
import type { JobContext, JobServices } from '../../jobs/defineJobKind';
import { enqueueJob } from '../../jobs/enqueueJob';
import type { JobPayloads } from '../../jobs/jobKinds';
import { todayInDenmark } from '../../time/isoDate';

type StatusCheck = JobPayloads['digitalPost.status'];

/** The first look at a letter's receipts, a minute after it was sent. */
export const FIRST_CHECK_SECONDS = 60;
/** Later looks wait twice as long each time, at most an hour. */
const nextCheckSeconds = (poll: number) => Math.min(FIRST_CHECK_SECONDS * 2 ** poll, 3600);
/** A letter with no final receipt this long after it was sent goes to a person. */
export const GIVE_UP_HOURS = 72;

const checkKey = (caseStepId: number, poll: number) => `digital-post-status-${caseStepId}-${poll}`;

/** Writes the first status check of a letter just sent, in the transaction that records the sending. */
export async function firstStatusCheck(
  tx: Tx,
  sent: { caseId: string; caseStepId: number; messageUuid: string },
): Promise<void> {
  await enqueueJob(
    tx,
    'digitalPost.status',
    { ...sent, poll: 1, sentAt: new Date().toISOString() },
    {
      runAt: new Date(Date.now() + FIRST_CHECK_SECONDS * 1000),
      idempotencyKey: checkKey(sent.caseStepId, 1),
      caseId: sent.caseId,
      connector: 'digitalPost',
    },
  );
}

/** What the timeline says of each final status, in both languages. */
function timelineText(status: Exclude<DeliveryStatus, 'pending'>, reason: string | null) {
  switch (status) {
    case 'delivered':
      return { da: 'Brevet er leveret i Digital Post', en: 'The letter was delivered by Digital Post' };
    case 'exempt_printed':
      return {
        da: 'Modtageren er fritaget — brevet er sendt som papirpost',
        en: 'The recipient is exempt from Digital Post — the letter was sent on paper',
      };
    case 'failed':
      return {
        da: `Brevet kunne ikke leveres i Digital Post: ${reason ?? 'ukendt årsag'}`,
        en: `The letter could not be delivered by Digital Post: ${reason ?? 'unknown reason'}`,
      };
  }
}

/**
 * The job 'digitalPost.status': reads the letter's status from Digital Post (outside any
 * transaction) and, in the job's transaction: while it is on its way, writes the next check; once
 * delivered or printed on paper (the recipient is exempt), records it on the step and the timeline;
 * when it failed (or no receipt came in GIVE_UP_HOURS), records that and hands the case to its team,
 * reopening it if it was resolved, since the letter must then reach the person another way. A status
 * already recorded is left alone, so a repeated check changes nothing.
 */
export async function readDeliveryStatus(services: JobServices, payload: StatusCheck, context: JobContext) {
  let answer: { status: DeliveryStatus; at: string | null; reason: string | null };
  try {
    answer = await callConnector(
      services,
      'digitalPost',
      'status',
      {
        key: checkKey(payload.caseStepId, payload.poll),
        signal: context.signal,
        caseId: payload.caseId,
        jobId: context.jobId,
      },
      (connectors, call) => connectors.digitalPost.status({ messageUuid: payload.messageUuid }, call),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The status cannot be read (Digital Post is off or refused the question): a person must look.
    await context.transaction((tx) => letterToPerson(tx, services, payload, error.text));
    return;
  }
  await context.transaction(async (tx) => {
    const { rows } = await tx.execute<{ delivery: unknown }>(sql`
      SELECT data->'delivery' AS delivery FROM case_steps WHERE id = ${payload.caseStepId} FOR UPDATE`);
    if (!rows[0] || rows[0].delivery) return;
    const waitedHours = (Date.now() - Date.parse(payload.sentAt)) / 3_600_000;
    if (answer.status === 'pending' && waitedHours < GIVE_UP_HOURS) {
      await enqueueJob(
        tx,
        'digitalPost.status',
        { ...payload, poll: payload.poll + 1 },
        {
          runAt: new Date(Date.now() + nextCheckSeconds(payload.poll) * 1000),
          idempotencyKey: checkKey(payload.caseStepId, payload.poll + 1),
          caseId: payload.caseId,
          connector: 'digitalPost',
        },
      );
      return;
    }
    const status: Exclude<DeliveryStatus, 'pending'> = answer.status === 'pending' ? 'failed' : answer.status;
    const reason =
      answer.status === 'pending'
        ? `ingen kvittering fra Digital Post på ${GIVE_UP_HOURS} timer`
        : answer.reason;
    const text = timelineText(status, reason);
    await tx.execute(sql`
      UPDATE case_steps SET data = data || jsonb_build_object('delivery', ${JSON.stringify({
        status,
        at: answer.at,
        reason,
        messageUuid: payload.messageUuid,
      })}::jsonb)
      WHERE id = ${payload.caseStepId}`);
    await appendCaseEvent(tx, {
      caseId: payload.caseId,
      actorUserId: null,
      type: 'letter',
      body: null,
      data: { label: text, status, at: answer.at, by: SYSTEM_ACTOR },
    });
    if (status === 'failed') await letterToPerson(tx, services, payload, text);
  });
}

/**
 * Hands the case to its team because its letter did not reach the person: a resolved case is
 * reopened first (the resolution stays on the timeline), so the letter is not forgotten.
 */
async function letterToPerson(
  tx: Tx,
  services: JobServices,
  payload: StatusCheck,
  reason: { da: string; en: string },
) {
  const { rows } = await tx.execute<{ subjectPersonId: string | null }>(sql`
    UPDATE cases SET status = CASE WHEN assignee_user_id IS NULL THEN 'submitted' ELSE 'in_progress' END,
      resolved_at = NULL, outcome_id = NULL, outcome = NULL,
      due_date = ${services.calendar.addWorkingDays(todayInDenmark(), 2)}, version = version + 1
    WHERE id = ${payload.caseId} AND status = 'resolved'
    RETURNING subject_person_id AS "subjectPersonId"`);
  if (rows[0]) {
    await appendCaseEvent(tx, {
      caseId: payload.caseId,
      actorUserId: null,
      type: 'reopened',
      body: reason.da,
      data: { reason, by: SYSTEM_ACTOR },
    });
    await appendAudit(tx, {
      actorUserId: null,
      action: 'case.reopen',
      entityType: 'case',
      entityId: payload.caseId,
      subjectPersonId: rows[0].subjectPersonId,
      details: { reason: reason.en, by: SYSTEM_ACTOR },
    });
  }
  await handCaseToPerson(tx, payload.caseId, 'failed', reason);
}
