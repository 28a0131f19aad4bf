import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/appendAudit';
import { attachments, type Db } from '@indgang/db';
import { can, type Actor } from '../access/Actor';
import { DomainError, notFound } from '../errors/DomainError';
import { hiddenFromSubject, portalCaseVisible } from './caseAccess';
import { cleanFileName } from './cleanFileName';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './uploadLimits';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * Keeps an uploaded file until a submission or message claims it: only PDF, JPEG and PNG whose
 * content is what they claim, with a clean name whose extension matches, and within what one
 * person may upload in a day (counted under a lock per person, so parallel uploads cannot pass it).
 */
export async function uploadAttachment(
  deps: { db: Db; uploadLimits?: UploadLimits },
  actor: Actor,
  file: { fileName: string; mimeType: string; content: Buffer },
): Promise<{ id: string; fileName: string; size: number; mimeType: string }> {
  const limits = deps.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.mimeType)) {
    throw new DomainError('invalid', 'attachment_type', {
      da: 'Filen skal være PDF, JPEG eller PNG.',
      en: 'The file must be PDF, JPEG or PNG.',
    });
  }
  if (file.content.length === 0)
    throw new DomainError('invalid', 'attachment_empty', { da: 'Filen er tom.', en: 'The file is empty.' });
  if (file.content.length > MAX_ATTACHMENT_BYTES)
    throw new DomainError('invalid', 'attachment_size', {
      da: 'Filen må højst fylde 20 MB.',
      en: 'The file may be at most 20 MB.',
    });
  if (!magicMatches(file.mimeType, file.content)) {
    throw new DomainError('invalid', 'attachment_content', {
      da: 'Filens indhold passer ikke til filtypen.',
      en: "The file's content does not match its type.",
    });
  }
  const fileName = cleanFileName(file.fileName, file.mimeType);
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('upload:' || ${actor.userId}))`);
    const {
      rows: [today],
    } =
      await tx.execute(sql`SELECT count(*)::int AS files, coalesce(sum(size), 0)::bigint AS bytes FROM attachments
      WHERE uploaded_by_user_id = ${actor.userId} AND created_at > now() - interval '24 hours'`);
    if (
      Number(today!.files) + 1 > limits.filesPerUserPerDay ||
      Number(today!.bytes) + file.content.length > limits.bytesPerUserPerDay
    ) {
      throw new DomainError('invalid', 'upload_quota', {
        da: `Du har uploadet det, der er plads til på et døgn (${limits.filesPerUserPerDay} filer eller ${megabytes(limits.bytesPerUserPerDay)} MB). Prøv igen i morgen, eller kontakt Koncernservice.`,
        en: `You have uploaded as much as one day allows (${limits.filesPerUserPerDay} files or ${megabytes(limits.bytesPerUserPerDay)} MB). Try again tomorrow, or contact the service centre.`,
      });
    }
    await tx.insert(attachments).values({
      id,
      uploadedByUserId: actor.userId,
      fileName,
      mimeType: file.mimeType,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
    });
  });
  return { id, fileName, size: file.content.length, mimeType: file.mimeType };
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Refuses files that would take a case past what it may hold (`existing` is what it holds already),
 * with the field the files were given for when there is one.
 */
export function requireRoomOnCase(
  limits: UploadLimits | undefined,
  existing: { files: number; bytes: number },
  adding: Array<{ size: number }>,
): void {
  const { filesPerCase, bytesPerCase } = limits ?? DEFAULT_UPLOAD_LIMITS;
  const bytes = existing.bytes + adding.reduce((a, f) => a + f.size, 0);
  if (existing.files + adding.length > filesPerCase || bytes > bytesPerCase) {
    throw new DomainError('invalid', 'case_files_limit', {
      da: `En sag kan højst have ${filesPerCase} filer på i alt ${megabytes(bytesPerCase)} MB. Saml dokumenterne i færre filer.`,
      en: `A case can hold at most ${filesPerCase} files of ${megabytes(bytesPerCase)} MB in all. Gather the documents in fewer files.`,
    });
  }
}

function magicMatches(mime: string, content: Buffer): boolean {
  if (mime === 'application/pdf') return content.subarray(0, 5).toString('latin1') === '%PDF-';
  if (mime === 'image/png')
    return content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff;
}

/** A file, for its uploader until it joins a case, for those who may see its case, and for the back office. Logged. */
export async function readAttachment(deps: { db: Db }, actor: Actor, id: string) {
  const backoffice = can(actor, 'cases.handle');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`
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
