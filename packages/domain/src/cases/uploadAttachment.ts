import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { attachments, type Db } from '@indgang/db';
import { type Actor } from '../access/Actor';
import { DomainError } from '../errors/DomainError';
import { attachmentUsage } from './caseRows';
import { cleanFileName } from './cleanFileName';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits, megabytes } from './uploadLimits';

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
    const today = await attachmentUsage(
      tx,
      sql`uploaded_by_user_id = ${actor.userId} AND created_at > now() - interval '24 hours'`,
    );
    if (
      today.files + 1 > limits.filesPerUserPerDay ||
      today.bytes + file.content.length > limits.bytesPerUserPerDay
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

function magicMatches(mime: string, content: Buffer): boolean {
  if (mime === 'application/pdf') return content.subarray(0, 5).toString('latin1') === '%PDF-';
  if (mime === 'image/png')
    return content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff;
}
