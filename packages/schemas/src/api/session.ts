import { z } from 'zod';
import { ZLocalizedText } from './common';

export const ZAuthOptions = z.object({
  demoLogin: z.boolean().describe('Whether the demo login is on (`INDGANG_DEMO`).'),
  oidc: z.boolean().describe("Whether login through the municipality's identity provider is set up."),
});

export const ZDemoUser = z.object({ id: z.string(), displayName: z.string(), description: ZLocalizedText });
export const ZDemoUsers = z.array(ZDemoUser);

export const ZMe = z.object({
  userId: z.string(),
  personId: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.string()),
  orgWide: z.boolean(),
  permissions: z.array(z.string()),
  mayChange: z.array(z.string()).describe('What the user may change; read-only roles may change nothing.'),
  readOnly: z.boolean(),
  ledUnitIds: z.array(z.string()),
  delegatedUnitIds: z.array(z.string()),
  unitNames: z
    .record(z.string(), z.string())
    .describe('The names of the units she leads or is deputy for, by id.'),
  teamIds: z.array(z.string()),
  locale: z.enum(['da', 'en']),
  csrfToken: z.string().describe('Send it as `x-csrf-token` with every POST, PUT and DELETE.'),
  demo: z.boolean(),
});

export const ZLocaleAnswer = z.object({ locale: z.enum(['da', 'en']) });

export type TAuthOptions = z.infer<typeof ZAuthOptions>;
export type TDemoUser = z.infer<typeof ZDemoUser>;
export type TMe = z.infer<typeof ZMe>;
