import type { RcItSystem, RcUserRole } from '../../connectors/identity/identityWire';

/**
 * The simulated role catalogue of Eksempel Kommune: a few IT systems a municipality runs, each with
 * user roles named the way municipalities name them in OS2rollekatalog ("<system> - <role>"). Demo
 * data: the descriptions say so.
 */
export const IT_SYSTEMS: readonly RcItSystem[] = [
  { id: 1, name: 'KMD OPUS Løn', identifier: 'OPUS' },
  { id: 2, name: 'KMD Nexus', identifier: 'NEXUS' },
  { id: 3, name: 'Aula', identifier: 'AULA' },
  { id: 4, name: 'SBSYS', identifier: 'SBSYS' },
  { id: 5, name: 'Microsoft 365', identifier: 'M365' },
].map((s) => ({ ...s, systemtype: 'SAML' as const, paused: false, deleted: false, accesBlocked: false }));

const role = (
  id: number,
  itSystemId: number,
  name: string,
  description: string,
  sensitiveRole = false,
): RcUserRole => ({
  id,
  name,
  identifier: name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
  description: `Demo-rolle: ${description}`,
  delegatedFromCvr: null,
  userOnly: false,
  canRequest: true,
  sensitiveRole,
  itSystemId,
});

export const USER_ROLES: readonly RcUserRole[] = [
  role(101, 1, 'OPUS Løn - Leder', 'godkender løn, fravær og kørsel for egne medarbejdere'),
  role(102, 1, 'OPUS Løn - Medarbejder', 'egne lønsedler og eget fravær'),
  role(111, 2, 'KMD Nexus - Bruger', 'borgerjournal i hjemmepleje og på plejecentre', true),
  role(112, 2, 'KMD Nexus - Planlægger', 'planlægger besøg og vagter'),
  role(121, 3, 'Aula - Medarbejder', 'beskeder, kalender og opslag'),
  role(122, 3, 'Aula - Administrator', 'institutionens grupper og rettigheder'),
  role(131, 4, 'SBSYS - Sagsbehandler', 'sager og dokumenter i egen enhed'),
  role(132, 4, 'SBSYS - Personalesager (HR)', 'personalesager for hele kommunen', true),
  role(141, 5, 'Microsoft 365 - E3-licens', 'Office-programmer, mail og Teams'),
  role(142, 5, 'Microsoft 365 - F3-licens', 'mail og Teams på mobil og web'),
];

const OFFICE_KINDS: ReadonlySet<string> = new Set([
  'municipality',
  'administration',
  'area',
  'office',
  'service_centre',
  'team',
  'job_centre',
]);
const CARE_KINDS: ReadonlySet<string> = new Set(['care_home', 'home_care', 'residential']);
const CHILDREN_KINDS: ReadonlySet<string> = new Set(['school', 'daycare']);

/**
 * The roles a demo employee plausibly holds, by the kind of unit she works in and whether she
 * leads it or is the deputy: everyone her own payslips and a Microsoft licence, leaders payroll
 * approval, care staff Nexus, school and daycare staff Aula, office staff SBSYS (HR its personnel
 * files).
 */
export function demoRoleIds(unit: { id: string; kind: string }, leads: boolean, deputy: boolean): number[] {
  const office = OFFICE_KINDS.has(unit.kind);
  const ids = [102, office || leads ? 141 : 142];
  if (leads) ids.push(101);
  if (CARE_KINDS.has(unit.kind)) ids.push(111, ...(leads || deputy ? [112] : []));
  if (CHILDREN_KINDS.has(unit.kind)) ids.push(121, ...(leads ? [122] : []));
  if (office) ids.push(131);
  if (unit.id === 'okf-ks-hr') ids.push(132);
  return ids;
}
