import { z } from 'zod';

const ZBoth = z.object({ da: z.string(), en: z.string() });
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** `cpr.person`: a hire's CPR number, and the unit she is hired into when the form knows it. */
export const ZCprPersonInput = z
  .object({
    cpr: z
      .string()
      .regex(/^\d{6}-?\d{4}$/)
      .describe('DDMMYY-XXXX or ten digits'),
    unitId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe(
        "The unit the person is hired into, when the form has one: checked against the asker's units",
      ),
  })
  .strict();
export type TCprPersonInput = z.infer<typeof ZCprPersonInput>;

/** A person's life status in CPR (from its status code: 1–7 alive, 70 disappeared, 80 emigrated, 90 dead, others inactive). */
export const CPR_STATUSES = ['alive', 'emigrated', 'dead', 'disappeared', 'inactive'] as const;
export type CprPersonAnswerStatus = (typeof CPR_STATUSES)[number];

/**
 * What CPR answers the asker: the name and address to prefill, the life status, and whether the
 * address is protected. A protected address is never in it, for anyone (it reads "Adressebeskyttet");
 * the CPR number is masked (DDMMYY-XXXX) for those without the CPR permission.
 */
export const ZCprPersonAnswer = z.object({
  cpr: z.string(),
  cprMasked: z.boolean(),
  firstName: z.string(),
  lastName: z.string(),
  address: z
    .object({ street: z.string(), postcode: z.string(), city: z.string(), coName: z.string().nullable() })
    .nullable(),
  addressProtected: z.boolean(),
  /** "Adressebeskyttet" / "Address protected", or why there is no address (emigrated, dead); null when there is one. */
  addressText: ZBoth.nullable(),
  status: z.enum(CPR_STATUSES),
  statusCode: z.number().int(),
  statusDate: ZDate.nullable(),
  statusText: ZBoth,
});
export type TCprPersonAnswer = z.infer<typeof ZCprPersonAnswer>;

/** `identity.roleAssignments`: one unit's people and their system roles. */
export const ZIdentityRoleAssignmentsInput = z.object({ unitId: z.string().min(1).max(100) }).strict();
export type TIdentityRoleAssignmentsInput = z.infer<typeof ZIdentityRoleAssignmentsInput>;

/** How a user holds a role (OS2rollekatalog's assignedThrough): only a direct one is removed per user. */
export const IDENTITY_ASSIGNED_THROUGH = ['direct', 'unit', 'title', 'position', 'role_group'] as const;

export const ZIdentityRoleLine = z.object({
  roleId: z.string(),
  roleName: z.string(),
  system: z.string(),
  from: ZDate.nullable(),
  to: ZDate.nullable(),
  assignedThrough: z.enum(IDENTITY_ASSIGNED_THROUGH),
});
export type TIdentityRoleLine = z.infer<typeof ZIdentityRoleLine>;

/**
 * Who has which role in a unit, as identity management holds it: each account of the unit's people
 * (its user id, whether it is disabled, from when) with its roles and their dates. What an
 * authorisation review shows a leader line by line; a line is removed by its userId and roleId.
 */
export const ZIdentityRoleAssignmentsAnswer = z.object({
  unitId: z.string(),
  users: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      position: z.string().nullable(),
      disabledFrom: ZDate.nullable(),
      roles: z.array(ZIdentityRoleLine),
    }),
  ),
});
export type TIdentityRoleAssignmentsAnswer = z.infer<typeof ZIdentityRoleAssignmentsAnswer>;
