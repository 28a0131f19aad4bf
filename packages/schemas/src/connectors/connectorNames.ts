/**
 * The municipality's systems Indgang calls, declared once: the connector names, how each is
 * configured, and what a lookup (a read a person asks for and a job does) can be in.
 */
export const CONNECTOR_NAMES = ['payroll', 'esdh', 'cpr', 'digitalPost', 'identity', 'mail'] as const;
export type ConnectorName = (typeof CONNECTOR_NAMES)[number];

/**
 * `simulator`: the built-in simulator (demo and tests only; a production start refuses it);
 * `live`: the real endpoint from the configuration; `off`: not connected, so every step that needs
 * the system goes to a person with the reason.
 */
export const CONNECTOR_MODES = ['simulator', 'live', 'off'] as const;
export type ConnectorMode = (typeof CONNECTOR_MODES)[number];

export const CONNECTOR_TITLES: Record<ConnectorName, { da: string; en: string }> = {
  payroll: { da: 'Løn', en: 'Payroll' },
  esdh: { da: 'ESDH (personalesager)', en: 'Records management (personnel files)' },
  cpr: { da: 'CPR', en: 'CPR' },
  digitalPost: { da: 'Digital Post', en: 'Digital Post' },
  identity: { da: 'Identitetsstyring', en: 'Identity management' },
  mail: { da: 'Mail', en: 'Mail' },
};

/** How a call to a connector ended: `refused` is the system's business refusal (not retried). */
export const CONNECTOR_CALL_OUTCOMES = ['ok', 'transient', 'timeout', 'refused', 'unavailable'] as const;
export type ConnectorCallOutcome = (typeof CONNECTOR_CALL_OUTCOMES)[number];

export const LOOKUP_STATUSES = ['pending', 'done', 'failed'] as const;
export type LookupStatus = (typeof LOOKUP_STATUSES)[number];

/**
 * What a user may ask a municipal system to read, by name: the form fills a new hire's name and
 * address from CPR, an employee reads her payslips and personnel file, a leader her staff's.
 */
export const LOOKUP_NAMES = [
  'cpr.person',
  'payroll.employments',
  'payroll.payslips',
  'esdh.personnelFile',
  'esdh.document',
  'identity.roleAssignments',
] as const;
export type LookupName = (typeof LOOKUP_NAMES)[number];
