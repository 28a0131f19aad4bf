import { sql } from 'drizzle-orm';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import type { CaseDeps } from '../cases/CaseDeps';
import { requireBackoffice } from '../cases/caseAccess';
import { notFound } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';
import { readWatchMarks, type WatchMark } from './watchMarks';

/** Ends a watch mark today; ending an ended mark changes nothing (a retry answers it as it is). Audited. */
export async function endWatchMark(deps: Pick<CaseDeps, 'db'>, actor: Actor, id: string): Promise<WatchMark> {
  requireBackoffice(actor, true);
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ended: boolean; subject: string | null; target: string }>(sql`
      SELECT ended_at IS NOT NULL AS ended, coalesce(person_id, (SELECT subject_person_id FROM cases WHERE id = w.case_id)) AS subject,
        coalesce(person_id, unit_id, case_id) AS target
      FROM watch_list w WHERE id = ${id} FOR UPDATE`);
    const row = rows[0];
    if (!row) throw notFound({ da: 'Markeringen', en: 'The mark' });
    if (!row.ended) {
      await tx.execute(
        sql`UPDATE watch_list SET ended_at = now(), ended_by_user_id = ${actor.userId} WHERE id = ${id}`,
      );
      await appendAudit(tx, {
        actorUserId: actor.userId,
        action: 'watchList.end',
        entityType: 'watchMark',
        entityId: id,
        subjectPersonId: row.subject,
      });
    }
    return (await readWatchMarks(tx, sql`w.id = ${id}`, todayInDenmark()))[0]!;
  });
}
