import { z } from 'zod';
import { ZDay } from './common';

export const ZDelegation = z.object({
  id: z.string(),
  fromUserId: z.string(),
  fromName: z.string(),
  toPersonId: z.string(),
  toName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  validFrom: ZDay,
  validTo: ZDay,
  revoked: z.boolean(),
  givenByMe: z.boolean(),
});
export const ZDelegations = z.array(ZDelegation);

export type TDelegation = z.infer<typeof ZDelegation>;
