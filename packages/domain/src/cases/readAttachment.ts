import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/appendAudit';
import { attachments, type Db } from '@indgang/db';
import { can, type Actor } from '../access/Actor';
import { notFound } from '../errors/DomainError';
import { hiddenFromSubject, portalCaseVisible } from './caseAccess';

/** A file, for its uploader until it joins a case, for those who may see its case, and for the back office. Logged. */
export async function readAttachment(deps: { db: Db }, actor: Actor, id: string) {
  const backoffice = can(actor, 'cases.handle');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`
      SELECT a.id FROM attachments a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN org_units u ON u.id = c.unit_id
      WHERE a.id = ${id} AND ((a.uploaded_by_user_id = ${actor.userId} AND a.case_id IS NULL) OR ${backoffice ? sql`(a.case_id IS NOT NULL AND NOT ${hiddenFromSubject(actor)})` : sql`false`} OR (c.id IS NOT NULL AND ${portalCaseVisible(actor)}))`);
    if (!rows[0]) throw notFound({ da: 'Filen', en: 'The file' });
    const [file] = await tx
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, id)));
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'attachment.read',
      entityType: 'attachment',
      entityId: id,
      details: { caseId: file!.caseId },
    });
    return file!;
  });
}
