import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/appendAudit';
import { attachments, type Db } from '@indgang/db';
import { can, type Actor } from '../access/Actor';
import { DomainError, notFound } from '../errors/DomainError';
import { portalCaseVisible } from './caseAccess';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Keeps an uploaded file until a submission or message claims it; only PDF, JPEG and PNG. */
export async function uploadAttachment(deps: { db: Db }, actor: Actor, file: { fileName: string; mimeType: string; content: Buffer }): Promise<{ id: string; fileName: string; size: number; mimeType: string }> {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.mimeType)) {
    throw new DomainError('invalid', 'attachment_type', { da: 'Filen skal være PDF, JPEG eller PNG.', en: 'The file must be PDF, JPEG or PNG.' });
  }
  if (file.content.length === 0) throw new DomainError('invalid', 'attachment_empty', { da: 'Filen er tom.', en: 'The file is empty.' });
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new DomainError('invalid', 'attachment_size', { da: 'Filen må højst fylde 20 MB.', en: 'The file may be at most 20 MB.' });
  if (!magicMatches(file.mimeType, file.content)) {
    throw new DomainError('invalid', 'attachment_content', { da: 'Filens indhold passer ikke til filtypen.', en: 'The file\'s content does not match its type.' });
  }
  const fileName = [...file.fileName].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch)).join('').slice(0, 200) || 'fil';
  const id = randomUUID();
  await deps.db.insert(attachments).values({
    id, uploadedByUserId: actor.userId, fileName, mimeType: file.mimeType, size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content,
  });
  return { id, fileName, size: file.content.length, mimeType: file.mimeType };
}

function magicMatches(mime: string, content: Buffer): boolean {
  if (mime === 'application/pdf') return content.subarray(0, 5).toString('latin1') === '%PDF-';
  if (mime === 'image/png') return content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff;
}

/** A file, for its uploader until it joins a case, for those who may see its case, and for the back office. Logged. */
export async function readAttachment(deps: { db: Db }, actor: Actor, id: string) {
  const backoffice = can(actor, 'cases.handle');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
      SELECT a.id FROM attachments a LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN org_units u ON u.id = c.unit_id
      WHERE a.id = ${id} AND ((a.uploaded_by_user_id = ${actor.userId} AND a.case_id IS NULL) OR ${backoffice ? sql`a.case_id IS NOT NULL` : sql`false`} OR (c.id IS NOT NULL AND ${portalCaseVisible(actor)}))`);
    if (!rows[0]) throw notFound({ da: 'Filen', en: 'The file' });
    const [file] = await tx.select().from(attachments).where(and(eq(attachments.id, id)));
    await appendAudit(tx, { actorUserId: actor.userId, action: 'attachment.read', entityType: 'attachment', entityId: id, details: { caseId: file!.caseId } });
    return file!;
  });
}
