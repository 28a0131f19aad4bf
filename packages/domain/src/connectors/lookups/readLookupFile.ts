import type { Db } from '@indgang/db';
import type { Actor } from '../../access/Actor';
import { DomainError } from '../../errors/DomainError';
import { readLookup } from './readLookup';

/** A lookup's answer that is a file (a document from the personnel file): its name, type and bytes. */
export interface LookupFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const isFile = (value: unknown): value is { fileName: string; contentType: string; contentBase64: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>).fileName === 'string' &&
  typeof (value as Record<string, unknown>).contentType === 'string' &&
  typeof (value as Record<string, unknown>).contentBase64 === 'string';

/**
 * The file a done lookup answered, for its asker alone and only while the answer is kept
 * (LOOKUP_MINUTES): a short-lived download of what was already read and audited, so the browser
 * can open a document as a page of its own or save it, and nothing is asked of the system again.
 */
export async function readLookupFile(deps: { db: Db }, actor: Actor, id: string): Promise<LookupFile> {
  const state = await readLookup(deps, actor, id);
  if (state.status !== 'done' || !isFile(state.result))
    throw new DomainError('not_found', 'lookup_no_file', {
      da: 'Opslaget har ingen fil. Hent dokumentet igen.',
      en: 'The lookup has no file. Fetch the document again.',
    });
  return {
    fileName: state.result.fileName,
    contentType: state.result.contentType,
    content: Buffer.from(state.result.contentBase64, 'base64'),
  };
}
