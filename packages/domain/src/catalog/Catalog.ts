import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueText, ZCatalogBundle, ZReplyTemplate, ZReturnReason } from '@indgang/schemas';
import type { z } from 'zod';
import type { CalendarConfig } from '../calendar/WorkCalendar';
import { DomainError, type FieldError } from '../errors/DomainError';
import { checkServiceDefinition } from './checkServiceDefinition';

// The bundle's format is part of the API (the catalogue import and export), so it lives in @indgang/schemas.
export { ZCatalogBundle, ZReplyTemplate, ZReturnReason };

/** A catalogue as files hand it over: services, return reasons and reply templates. */
export type CatalogBundle = z.infer<typeof ZCatalogBundle>;
export type ReturnReason = z.infer<typeof ZReturnReason>;
export type ReplyTemplate = z.infer<typeof ZReplyTemplate>;

/** Validates a catalogue bundle; every problem is named by its place in the bundle. */
export function parseCatalogBundle(input: unknown): CatalogBundle {
  const result = ZCatalogBundle.safeParse(input);
  if (result.success) {
    const ids = new Set<string>();
    for (const s of result.data.services) {
      if (ids.has(s.id))
        throw new DomainError('invalid', 'catalog_duplicate', {
          da: `Servicen ${s.id} står to gange.`,
          en: `Service ${s.id} appears twice.`,
        });
      ids.add(s.id);
    }
    const problems = result.data.services.flatMap((s, i) => checkServiceDefinition(s, `services.${i}`));
    if (problems.length > 0) {
      throw new DomainError(
        'invalid',
        'catalog_invalid',
        {
          da: `Kataloget kan ikke installeres: ${problems
            .slice(0, 5)
            .map((p) => p.message.da)
            .join(' ')}`,
          en: `The catalogue cannot be installed: ${problems
            .slice(0, 5)
            .map((p) => p.message.en)
            .join(' ')}`,
        },
        problems,
      );
    }
    return result.data;
  }
  const fields: FieldError[] = result.error.issues
    .slice(0, 50)
    .map((i) => ({ path: i.path.join('.'), message: issueText(i) }));
  throw new DomainError(
    'invalid',
    'catalog_invalid',
    {
      da: `Kataloget er ugyldigt: ${fields.map((f) => f.path).join(', ')}`,
      en: `The catalogue is invalid: ${fields.map((f) => f.path).join(', ')}`,
    },
    fields,
  );
}

/** Reads the catalogue folder shipped with Indgang (or a municipality's own). */
export async function readCatalogFolder(
  dir: string,
): Promise<{ bundle: CatalogBundle; calendar: CalendarConfig }> {
  const serviceFiles = (await readdir(join(dir, 'services'))).filter((f) => f.endsWith('.json')).sort();
  // What the files say is checked by parseCatalogBundle before anything uses it.
  const services: unknown[] = [];
  for (const file of serviceFiles)
    services.push(JSON.parse(await readFile(join(dir, 'services', file), 'utf8')) as unknown);
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(join(dir, name), 'utf8')) as unknown;
  const bundle = parseCatalogBundle({
    services,
    returnReasons: await read('return-reasons.json'),
    replyTemplates: await read('reply-templates.json'),
  });
  return { bundle, calendar: (await read('calendar.json')) as CalendarConfig };
}
