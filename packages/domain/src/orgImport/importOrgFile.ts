import { randomUUID } from 'node:crypto';
import { orgImports, orgUnits, type Db } from '@indgang/db';
import type { Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';
import { appendAudit } from '../audit/appendAudit';
import { DomainError } from '../errors/DomainError';
import { buildOrgDataset } from './buildOrgDataset';
import { loadOrgDataset, type LoadSummary } from './loadOrgDataset';
import { readOrgFile } from './readOrgFile';

export type ImportPhase = 'read' | 'validate' | 'write';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportResult {
  importId: string;
  summary: LoadSummary;
}

export const MAX_IMPORT_ERRORS = 500;

/**
 * Imports organisation and people from a CSV or JSON file. Every row is validated first; on any
 * error the file is refused with all errors by row and column and nothing is written. Otherwise
 * everything is written in one transaction with its audit entry.
 */
export async function importOrgFile(
  deps: { db: Db },
  actor: Actor,
  input: { format: 'csv' | 'json'; text: string; fileName?: string },
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportResult> {
  requirePermission(actor, 'org.import');
  onProgress({ phase: 'read', done: 0, total: 1 });
  const records = readOrgFile(input.format, input.text);
  if (records.length === 0)
    throw new DomainError('invalid', 'import_empty', {
      da: 'Filen indeholder ingen rækker.',
      en: 'The file contains no rows.',
    });
  onProgress({ phase: 'validate', done: 0, total: records.length });
  const existing = new Map(
    (await deps.db.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits)).map((u) => [
      u.id,
      u.parentId,
    ]),
  );
  const { dataset, errors } = buildOrgDataset(records, existing);
  onProgress({ phase: 'validate', done: records.length, total: records.length });
  if (errors.length > 0) {
    throw new DomainError(
      'unprocessable',
      'import_rows_invalid',
      {
        da: `Filen blev ikke indlæst: ${errors.length} fejl. Ret dem og prøv igen; intet er ændret.`,
        en: `The file was not imported: ${errors.length} errors. Correct them and try again; nothing was changed.`,
      },
      errors.slice(0, MAX_IMPORT_ERRORS),
    );
  }
  const importId = randomUUID();
  const summary = await deps.db.transaction(async (tx) => {
    const result = await loadOrgDataset(tx, dataset, (p) => onProgress({ phase: 'write', ...p }));
    await tx.insert(orgImports).values({
      id: importId,
      userId: actor.userId,
      format: input.format,
      status: 'completed',
      totalRows: records.length,
      summary: result,
    });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'org.import',
      entityType: 'org_import',
      entityId: importId,
      details: { format: input.format, fileName: input.fileName ?? null, rows: records.length, ...result },
    });
    return result;
  });
  return { importId, summary };
}
