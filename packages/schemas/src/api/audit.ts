import { z } from 'zod';
import { checkedAtRunTime, ZTimestamp } from './common';

export const ZAuditEntry = z.object({
  seq: z.number().int(),
  xid: z.number().int().describe('The id of the transaction that wrote the entry.'),
  at: ZTimestamp,
  actorUserId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  subjectPersonId: z.string().nullable(),
  actorName: z.string().nullable().describe("The actor's name."),
  entityLabel: z
    .string()
    .nullable()
    .describe("What the entry is about by name: a case's number, a person's, unit's or project's name."),
  subjectName: z.string().nullable().describe('The name of the person whose data it was.'),
  details: checkedAtRunTime(z.record(z.string(), z.unknown())),
});
export const ZAuditEntries = z.array(ZAuditEntry);

export const ZAuditCheck = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  pending: z.number().int(),
  headHash: z.string(),
  headPos: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z
    .enum(['edited', 'deleted', 'broken_link', 'anchor_mismatch', 'truncated', 'other_chain'])
    .nullable(),
  anchors: z
    .object({
      checked: z.number().int(),
      lastPos: z.number().int().nullable(),
      lastAt: z.string().nullable(),
    })
    .nullable(),
  brokenAnchor: z.object({ pos: z.number().int(), at: z.string() }).nullable(),
  anchorFileProblem: z
    .object({ line: z.number().int(), reason: z.enum(['unreadable', 'unknown_key', 'bad_signature']) })
    .nullable(),
  keyId: z.string().nullable(),
});

export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export type TAuditCheck = z.infer<typeof ZAuditCheck>;
