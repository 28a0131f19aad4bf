import type { Db } from '@indgang/db';
import type { BusinessCaseInput, BusinessCaseResult } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { DomainError } from '../errors/DomainError';
import { saveBusinessCase } from './saveBusinessCase';

/** Where a workbook Indgang wrote came from: the project and the saved version. */
export interface WorkbookOrigin {
  projectId: string;
  version: number;
}

/**
 * Saves a business case read from an uploaded workbook, as a save from the version the workbook was
 * downloaded at: edits made since then are not overwritten (the same 409 as a stale save). A
 * workbook of another project is refused; one made outside Indgang may only start a business case.
 */
export async function saveBusinessCaseWorkbook(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
  workbook: { data: BusinessCaseInput; origin: WorkbookOrigin | null },
): Promise<{ version: number; result: BusinessCaseResult }> {
  if (workbook.origin && workbook.origin.projectId !== projectId) {
    throw new DomainError('conflict', 'workbook_other_project', {
      da: 'Regnearket hører til et andet projekt. Hent dette projekts business case som Excel, og ret i den.',
      en: "The workbook belongs to another project. Download this project's business case as Excel and edit that.",
    });
  }
  try {
    // A workbook made outside Indgang counts as version 0: it can start a business case, never replace one.
    return await saveBusinessCase(deps, actor, projectId, workbook.data, workbook.origin?.version ?? 0);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'stale' || workbook.origin) throw error;
    throw new DomainError('conflict', 'stale', {
      da: 'Regnearket er ikke hentet fra Indgang, og projektet har allerede en business case. Hent den som Excel, ret i den, og indlæs den igen.',
      en: 'The workbook was not downloaded from Indgang, and the project already has a business case. Download it as Excel, edit it and upload it again.',
    });
  }
}
