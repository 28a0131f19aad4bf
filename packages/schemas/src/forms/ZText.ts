import { z } from 'zod';

/**
 * Catalogue text: Danish, with English where the catalogue gives it. A plain string is Danish; an
 * English reader of a text without English sees the Danish, marked as Danish (`localizedText`).
 */
export const ZText = z.union([
  z.string().min(1),
  z.object({ da: z.string().min(1), en: z.string().min(1).optional() }),
]);
export type TText = z.infer<typeof ZText>;
