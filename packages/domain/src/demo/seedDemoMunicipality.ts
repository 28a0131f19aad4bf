import { eq } from 'drizzle-orm';
import type { BusinessCaseInput } from '@indgang/schemas';
import { delegations, roleAssignments, settings, teams, users, type Db } from '@indgang/db';
import type { Role } from '../access/roles';
import { appendAudit } from '../audit/appendAudit';
import type { LocalizedText } from '../errors/DomainError';
import { loadOrgDataset, personIdFor } from '../orgImport/loadOrgDataset';
import type { OrgDataset, PersonRecord } from '../orgImport/OrgDataset';
import { addDays } from '../time/isoDate';
import { generateDemoMunicipality, SSC_TEAMS } from './generateDemoMunicipality';
import { seedDemoBenefits } from './seedDemoBenefits';

export interface DemoUserSpec {
  id: string;
  description: LocalizedText;
  /** Candidates in order of preference; the first not already taken by another demo user is used. */
  person: (data: OrgDataset) => PersonRecord[];
  displayName?: string;
  roles: Array<{ role: Role; unitId?: string; teamId?: string; serviceId?: string }>;
}

/** Staff of a unit (not its leader), those in the given position first. */
const at = (unitId: string, position?: string) => (data: OrgDataset) => {
  const staff = data.people.filter(
    (p) => p.managerOf.length === 0 && p.affiliations.some((a) => a.unitId === unitId),
  );
  const inPosition = staff.filter((p) => p.affiliations.some((a) => a.position === position));
  return [...inPosition, ...staff.filter((p) => !inPosition.includes(p))];
};
const leaderOf = (unitId: string) => (data: OrgDataset) =>
  data.people.filter((p) => p.managerOf.includes(unitId));
const none = () => [];

export const DEMO_USERS: DemoUserSpec[] = [
  {
    id: 'demo-leder',
    person: leaderOf('buf-001'),
    roles: [],
    description: {
      da: 'Skoleleder (BUF) – leder af en skole',
      en: 'School principal (BUF) – leads a school',
    },
  },
  {
    id: 'demo-stedfortraeder',
    person: at('buf-001', 'Viceskoleleder'),
    roles: [],
    description: {
      da: 'Viceskoleleder – stedfortræder for skolelederen',
      en: 'Deputy principal – deputy for the school principal',
    },
  },
  {
    id: 'demo-medarbejder',
    person: at('buf-001', 'Lærer'),
    roles: [],
    description: { da: 'Lærer – medarbejder på skolen', en: 'Teacher – employee at the school' },
  },
  {
    id: 'demo-leder-pleje',
    person: leaderOf('suf-001'),
    roles: [],
    description: { da: 'Centerchef (SUF) – leder af et plejecenter', en: 'Care home manager (SUF)' },
  },
  {
    id: 'demo-sagsbehandler-loen',
    person: at('okf-ks-lon1', 'Lønkonsulent'),
    roles: [{ role: 'caseworker', teamId: 'okf-ks-lon1' }],
    description: { da: 'Sagsbehandler i Løn Team 1', en: 'Caseworker, Payroll Team 1' },
  },
  {
    id: 'demo-sagsbehandler-hr',
    person: at('okf-ks-hr'),
    roles: [{ role: 'caseworker', teamId: 'okf-ks-hr' }],
    description: { da: 'Sagsbehandler i HR-administration', en: 'Caseworker, HR administration' },
  },
  {
    id: 'demo-ankerperson',
    person: at('okf-ks-lon1'),
    roles: [
      { role: 'caseworker', teamId: 'okf-ks-lon1' },
      { role: 'anchor', teamId: 'okf-ks-lon1', serviceId: 'ansaettelse' },
    ],
    description: {
      da: 'Ankerperson for ansættelser, Løn Team 1',
      en: 'Anchor person for hiring, Payroll Team 1',
    },
  },
  {
    id: 'demo-teamleder',
    person: leaderOf('okf-ks-lon1'),
    roles: [{ role: 'team_lead', teamId: 'okf-ks-lon1' }],
    description: {
      da: 'Teamleder, Løn Team 1 (driftsstyring)',
      en: 'Team lead, Payroll Team 1 (production control)',
    },
  },
  {
    id: 'demo-procesejer',
    person: at('okf-ks-si'),
    roles: [{ role: 'process_owner' }],
    description: { da: 'Procesejer i Koncernservice', en: 'Process owner in the service centre' },
  },
  {
    id: 'demo-konfigurator',
    person: at('okf-ks-si'),
    roles: [{ role: 'configurator' }],
    description: {
      da: 'Konfigurator – vedligeholder services og formularer',
      en: 'Configurator – maintains services and forms',
    },
  },
  {
    id: 'demo-programleder',
    person: at('okf-ks-si'),
    displayName: 'Programleder (Koncernservice)',
    roles: [{ role: 'programme_manager' }],
    description: {
      da: "Programleder – business cases, gevinsttræer og KPI'er",
      en: 'Programme manager – business cases, benefit trees and KPIs',
    },
  },
  {
    id: 'demo-oekonomi',
    person: at('okf-ks-si'),
    displayName: 'Økonomikonsulent (Økonomiforvaltningen)',
    roles: [{ role: 'finance' }],
    description: {
      da: 'Økonomikonsulent – business cases og gevinstopfølgning',
      en: 'Finance officer – business cases and benefit follow-up',
    },
  },
  {
    id: 'demo-revisor',
    person: none,
    displayName: 'Revisor (Intern Revision)',
    roles: [{ role: 'auditor' }],
    description: {
      da: 'Revisor – læser alt, ændrer intet; al læsning logges',
      en: 'Auditor – reads everything, changes nothing; every read is logged',
    },
  },
  {
    id: 'demo-admin',
    person: none,
    displayName: 'Systemadministrator',
    roles: [{ role: 'administrator' }],
    description: {
      da: 'Administrator – import af organisation og opsætning',
      en: 'Administrator – organisation import and set-up',
    },
  },
];

export interface SeedOptions {
  seed: number;
  scale?: number;
  today: string;
  businessCase?: BusinessCaseInput;
  history?: boolean;
}

/** Loads Eksempel Kommune and its demo users once; a second call finds it loaded and does nothing. */
export async function seedDemoMunicipality(
  deps: { db: Db },
  options: SeedOptions,
): Promise<{ seeded: boolean }> {
  const [done] = await deps.db.select().from(settings).where(eq(settings.key, 'demo_seed'));
  if (done) return { seeded: false };
  const data = generateDemoMunicipality({ seed: options.seed, scale: options.scale });
  await deps.db.transaction(async (tx) => {
    const summary = await loadOrgDataset(tx, data);
    await tx.insert(teams).values(SSC_TEAMS.map((t) => ({ ...t })));
    const taken = new Set<string>();
    let deputyPersonId = '';
    for (const spec of DEMO_USERS) {
      const person = spec.person(data).find((p) => !taken.has(p.employeeNumber));
      if (person) taken.add(person.employeeNumber);
      if (person && spec.id === 'demo-stedfortraeder') deputyPersonId = personIdFor(person.employeeNumber);
      const title = person?.affiliations[0]?.position;
      await tx.insert(users).values({
        id: spec.id,
        personId: person ? personIdFor(person.employeeNumber) : null,
        displayName: person
          ? `${person.firstName} ${person.lastName}${title ? `, ${title}` : ''}`
          : (spec.displayName ?? spec.id),
        email: person?.email ?? `${spec.id}@eksempel-kommune.test`,
        isDemo: true,
      });
      if (spec.roles.length > 0)
        await tx.insert(roleAssignments).values(spec.roles.map((r) => ({ userId: spec.id, ...r })));
    }
    await tx.insert(delegations).values({
      id: 'demo-delegation-1',
      fromUserId: 'demo-leder',
      toPersonId: deputyPersonId,
      unitId: 'buf-001',
      validFrom: addDays(options.today, -30),
      validTo: addDays(options.today, 365),
    });
    await seedDemoBenefits(tx, {
      today: options.today,
      seed: options.seed,
      businessCase: options.businessCase,
      history: options.history ?? false,
    });
    await tx.insert(settings).values({
      key: 'demo_seed',
      value: { seed: options.seed, scale: options.scale ?? null, at: new Date().toISOString() },
    });
    await appendAudit(tx, {
      actorUserId: null,
      action: 'demo.seed',
      entityType: 'municipality',
      details: { seed: options.seed, ...summary, users: DEMO_USERS.length },
    });
  });
  return { seeded: true };
}
