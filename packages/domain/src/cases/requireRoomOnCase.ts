import { DomainError } from '../errors/DomainError';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits, megabytes } from './uploadLimits';

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
