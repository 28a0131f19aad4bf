import { sql, type SQL } from 'drizzle-orm';
import type { Answers, TProcessStep, TServiceDefinition } from '@indgang/schemas';
import { routeCase, textOf } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { eventTypeSql, internalSql, statusSql } from '../cases/appendCaseEvent';
import { ENGINE_ACTOR } from '../process/enterStep';
import { addDays } from '../time/isoDate';
import { seededRandom } from './seededRandom';

type Automation = 'full' | 'partial' | 'excluded' | 'failed';

/**
 * One way a case went through its process: the steps in the order they ran (a step handed to a
 * person is written `!step`: cancelled with the path's reason), its weight among the service's
 * paths as go-live recedes (`progress` from 0 to 1), the outcome and the answers' variant.
 */
interface DemoPath {
  steps: string[];
  weight: (progress: number) => number;
  outcome: string;
  /** Excluded or failed: the reason written on the case, in the words the engine uses. */
  handed?: { how: 'excluded' | 'failed'; reason: string };
  variant: string;
}

interface DemoProcess {
  serviceId: string;
  /** Cases a month, six months after go-live. */
  perMonth: number;
  /** Working days from submission to resolution, as [least, most]. */
  leadDays: [number, number];
  paths: DemoPath[];
  answers: (p: DemoPerson, variant: string, date: string, random: () => number) => Answers;
}

type DemoPerson = {
  person_id: string;
  first_name: string;
  last_name: string;
  unit_id: string;
  leader_user_id: string;
  leader_person_id: string;
};

const WATCH = 'Obsliste: Personen er på obslisten og må ikke behandles automatisk (verserende personalesag).';
const NEW_HIRE_STEPS = ['fordel', 'vilkaar', 'loen', 'it', 'brev', 'attestvurdering'];
const NEW_HIRE_END = ['samling', 'journal', 'oprettet'];

/** The four reference processes besides mileage, with the paths their cases took in Eksempel Kommune. */
const PROCESSES: DemoProcess[] = [
  {
    serviceId: 'ansaettelse',
    perMonth: 12,
    leadDays: [3, 9],
    paths: [
      {
        steps: [...NEW_HIRE_STEPS, ...NEW_HIRE_END],
        weight: (t) => 0.4 + 0.2 * t,
        outcome: 'created',
        variant: 'adults',
      },
      {
        steps: [...NEW_HIRE_STEPS, 'attestbestilling', ...NEW_HIRE_END],
        weight: () => 0.2,
        outcome: 'created',
        variant: 'children',
      },
      {
        steps: ['fordel', 'vilkaar', 'oprettelse', 'loen', 'it', 'brev', 'attestvurdering', ...NEW_HIRE_END],
        weight: () => 0.15,
        outcome: 'created',
        variant: 'civilServant',
      },
      {
        steps: ['fordel', 'vilkaar', '!loen', 'manuel', 'attestvurdering', ...NEW_HIRE_END],
        weight: (t) => 0.15 - 0.1 * t,
        outcome: 'created',
        variant: 'adults',
        handed: {
          how: 'failed',
          reason:
            'Lønsystemet afviste ansættelsen: Lønnummeret findes allerede på institutionen (SD fejl 40112).',
        },
      },
      {
        steps: [
          'fordel',
          '!vilkaar',
          'oprettelse',
          '!loen',
          'manuel',
          '!attestvurdering',
          'attestmanuel',
          'samling',
          '!journal',
          'journalmanuel',
          'oprettet',
        ],
        weight: () => 0.05,
        outcome: 'created',
        variant: 'adults',
        handed: { how: 'excluded', reason: WATCH },
      },
    ],
    answers: (p, variant, date) => ({
      person: { firstName: p.first_name, lastName: p.last_name, nationality: 'dk' },
      position: {
        unit: p.unit_id,
        position:
          variant === 'children'
            ? 'Pædagog'
            : variant === 'civilServant'
              ? 'Afdelingsleder'
              : 'Administrativ medarbejder',
        agreement: variant === 'children' ? 'paedagoger' : variant === 'civilServant' ? 'skoleledere' : 'hk',
        employmentForm: variant === 'civilServant' ? 'tjenestemand' : 'overenskomst',
        weeklyHours: 37,
        startDate: addDays(date, 21),
        timeLimited: false,
      },
      pay: {
        payGrade: 24,
        seniorityDate: addDays(date, 21),
        probation: variant === 'civilServant' ? 'none' : 'threeMonths',
        pension: variant === 'civilServant' ? 'civilServant' : 'agreement',
      },
      certificates: {
        worksWithChildren: variant === 'children' ? 'yes' : 'no',
        ...(variant === 'children' ? { youngestChildAge: 3 } : {}),
      },
    }),
  },
  {
    serviceId: 'fratraedelse',
    perMonth: 8,
    leadDays: [15, 40],
    paths: [
      {
        steps: ['varsel', 'loen', 'sidstedag', 'adgang', 'journal', 'registreret'],
        weight: (t) => 0.5 + 0.15 * t,
        outcome: 'registered',
        variant: 'resignation',
      },
      {
        steps: ['varsel', 'varselkontrol', 'loen', 'sidstedag', 'adgang', 'journal', 'registreret'],
        weight: () => 0.15,
        outcome: 'registered',
        variant: 'retirement',
      },
      {
        steps: [
          'varsel',
          'partshoering',
          'varselefter',
          'loen',
          'sidstedag',
          'adgang',
          'journal',
          'gennemfoert',
        ],
        weight: () => 0.15,
        outcome: 'dismissal-completed',
        variant: 'dismissal',
      },
      {
        steps: ['varsel', 'loen', 'sidstedag', '!adgang', 'manuel', 'afsluttet'],
        weight: (t) => 0.12 - 0.08 * t,
        outcome: 'registered',
        variant: 'resignation',
        handed: {
          how: 'failed',
          reason:
            'Identitetsstyringen svarede ikke efter sidste forsøg; sagen er givet til en sagsbehandler.',
        },
      },
    ],
    answers: (p, variant, date) => ({
      termination: {
        person: p.person_id,
        type: variant,
        terms: variant === 'retirement' ? 'tjenestemand' : 'funktionaer',
        ...(variant === 'dismissal' ? { grounds: 'Samarbejdsvanskeligheder trods skriftlig advarsel.' } : {}),
        noticeDate: date,
        lastDay: addDays(date, 30),
      },
    }),
  },
  {
    serviceId: 'straffe-boerneattest',
    perMonth: 10,
    leadDays: [4, 12],
    paths: [
      {
        steps: ['bestilling', 'vurdering', 'arkiv', 'ren'],
        weight: (t) => 0.7 + 0.1 * t,
        outcome: 'clean-filed',
        variant: 'child',
      },
      {
        steps: ['bestilling', 'vurdering', 'hrjura', 'afsluttet'],
        weight: () => 0.08,
        outcome: 'remarks-hr-law',
        variant: 'both',
      },
      {
        steps: ['!bestilling', 'manuel', 'afsluttet'],
        weight: (t) => 0.12 - 0.06 * t,
        outcome: 'no-consent',
        variant: 'child',
        handed: {
          how: 'failed',
          reason: 'Robot: Personen har ikke givet samtykke i Digital Post inden for 14 dage.',
        },
      },
    ],
    answers: (p, variant) => ({
      order: {
        who: 'employee',
        person: p.person_id,
        kind: variant,
        reason: 'Arbejder med børn under 15 år.',
      },
    }),
  },
  {
    serviceId: 'autorisationskontrol',
    perMonth: 2,
    leadDays: [1, 3],
    paths: [
      { steps: ['fjern', 'fjernet'], weight: () => 0.55, outcome: 'removed', variant: 'remove' },
      { steps: ['fjern', 'bekraeftet'], weight: () => 0.4, outcome: 'confirmed', variant: 'keep' },
      {
        steps: ['!fjern', 'manuel', 'afsluttet'],
        weight: () => 0.05,
        outcome: 'not-completed',
        variant: 'remove',
        handed: {
          how: 'failed',
          reason:
            'Identitetsstyringen afviste: Rollen er tildelt gennem en enhed og kan ikke fjernes direkte.',
        },
      },
    ],
    answers: (p, variant, date) => ({
      review: {
        unit: p.unit_id,
        roles: [
          {
            userId: `${p.first_name.toLowerCase()}01`.replace(/[^a-z0-9]/g, ''),
            name: `${p.first_name} ${p.last_name}`,
            roleId: '111',
            roleName: 'Sagsbehandler, læse',
            system: 'ESDH',
            from: addDays(date, -400),
            to: null,
            assignedThrough: 'direct',
            decision: variant === 'keep' ? 'keep' : 'remove',
          },
        ],
      },
    }),
  },
];

/** The version of a decision table that applies to a case decided in `year` (the mileage rates by year). */
export const decisionVersion = (tableId: string, year: string) =>
  tableId === 'kilometertakst' ? `${tableId}-${year}` : `${tableId}-1`;

/** The rule that fired, where the demo names one: a trip's rate below the year's 20,000 km. */
const rulesFor = (tableId: string, year: string) =>
  tableId === 'kilometertakst'
    ? [
        {
          ruleId: `rule-${year}-below-limit`,
          index: 0,
          description: 'Under 20.000 km: resten op til grænsen til den høje sats',
        },
      ]
    : [];

/**
 * Six months of the reference processes since go-live, as the process engine writes them: each
 * case's steps with who or what did them (rule, action, robot, timer, caseworker), the decisions of
 * its tables, the steps handed to a person with the reason, and `cases.automation` set as
 * `resolveAtEnd` sets it. The share handled without a person rises over the months, so the
 * automation figures and the KPIs that read them show each process.
 */
export async function seedDemoProcessHistory(
  tx: Tx,
  options: { seed: number; monthStart: (monthsBack: number) => string; firstId: number },
): Promise<void> {
  const random = seededRandom(options.seed + 11).next;
  const { rows: people } = await tx.execute<DemoPerson>(sql`
    SELECT e.person_id, p.first_name, p.last_name, e.unit_id, u.id AS leader_user_id, u.person_id AS leader_person_id
    FROM users u JOIN unit_managers m ON m.person_id = u.person_id
    JOIN employments e ON e.unit_id = m.unit_id AND e.end_date IS NULL AND e.person_id <> u.person_id
    JOIN persons p ON p.id = e.person_id
    WHERE u.id IN ('demo-leder', 'demo-leder-pleje') ORDER BY e.person_id`);
  if (people.length === 0) return;
  const cases: SQL[] = [];
  const events: SQL[] = [];
  const steps: SQL[] = [];
  const decisions: SQL[] = [];
  for (const proc of PROCESSES) {
    const { rows } = await tx.execute<{ version: number; definition: TServiceDefinition }>(
      sql`SELECT version, definition FROM services WHERE id = ${proc.serviceId} ORDER BY version DESC LIMIT 1`,
    );
    const def = rows[0]?.definition;
    if (!def?.process) continue;
    for (let back = 6; back >= 1; back -= 1) {
      const progress = (6 - back) / 5;
      const total = proc.paths.reduce((sum, p) => sum + p.weight(progress), 0);
      for (let i = 0; i < proc.perMonth + Math.floor(random() * 3); i += 1) {
        let roll = random() * total;
        const path = proc.paths.find((p) => (roll -= p.weight(progress)) < 0) ?? proc.paths[0]!;
        const person = people[Math.floor(random() * people.length)]!;
        const submittedAt = new Date(`${options.monthStart(back)}T08:00:00Z`);
        submittedAt.setUTCDate(1 + Math.floor(random() * 27));
        submittedAt.setUTCHours(7 + Math.floor(random() * 8), Math.floor(random() * 60));
        const [least, most] = proc.leadDays;
        const resolvedAt = new Date(submittedAt.getTime() + (least + random() * (most - least)) * 86_400_000);
        const date = submittedAt.toISOString().slice(0, 10);
        const answers = proc.answers(person, path.variant, date, random);
        const team = routeCase(def, answers);
        const id = `00000000-0000-4000-9000-${String(options.firstId + cases.length).padStart(12, '0')}`;
        const automation = path.handed?.how ?? automationOf(def, path.steps);
        const outcome = def.outcomes?.find((o) => o.id === path.outcome);
        const outcomeLabel = outcome ? textOf(outcome.label, 'da') : path.outcome;
        const subject = def.subject === 'self' ? person.leader_person_id : person.person_id;
        cases.push(sql`(${id}, ${`IND-${date.slice(0, 4)}-`} || lpad(nextval('case_number_seq')::text, 6, '0'), ${proc.serviceId}, ${rows[0]!.version}, ${person.unit_id}, ${subject},
          ${person.leader_user_id}, ${statusSql('resolved')}, ${team}, ${JSON.stringify(answers)}::jsonb, ${submittedAt.toISOString()}, ${addDays(date, Math.ceil((def.normTimeDays * 7) / 5))}, ${resolvedAt.toISOString()}, ${outcome?.id ?? null}, ${outcomeLabel}, ${automation}, ${path.handed?.reason ?? null})`);
        events.push(
          sql`(${id}, ${submittedAt.toISOString()}, ${person.leader_user_id}, ${eventTypeSql('submitted')}, ${internalSql('submitted')}, null, '{}'::jsonb)`,
        );
        const lastBy = writePath({
          def,
          id,
          team,
          path: path.steps,
          handed: path.handed,
          submittedAt,
          resolvedAt,
          leaderUserId: person.leader_user_id,
          steps,
          events,
          decisions,
        });
        events.push(
          sql`(${id}, ${resolvedAt.toISOString()}, ${lastBy}, ${eventTypeSql('resolved')}, ${internalSql('resolved')}, ${outcomeLabel}, ${JSON.stringify({ outcome: outcomeLabel, outcomeId: outcome?.id ?? null, ...(lastBy ? {} : { by: 'system:automation' }) })}::jsonb)`,
        );
      }
    }
  }
  if (cases.length === 0) return;
  await tx.execute(
    sql`INSERT INTO cases (id, number, service_id, service_version, unit_id, subject_person_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date, resolved_at, outcome_id, outcome, automation, automation_reason) VALUES ${sql.join(cases, sql`, `)}`,
  );
  await tx.execute(
    sql`INSERT INTO case_events (case_id, at, actor_user_id, type, internal, body, data) VALUES ${sql.join(events, sql`, `)}`,
  );
  await tx.execute(
    sql`INSERT INTO case_steps (case_id, step_id, kind, status, result, assignee_user_id, completed_by_user_id, completed_by_system, started_at, due_date, completed_at, data) VALUES ${sql.join(steps, sql`, `)}`,
  );
  if (decisions.length > 0)
    await tx.execute(
      sql`INSERT INTO case_decisions (case_id, table_id, revision, decision_id, inputs, outputs, rules, at) VALUES ${sql.join(decisions, sql`, `)}`,
    );
}

/** As `resolveAtEnd` classifies a case nothing excluded or failed: partly when a caseworker did a step. */
function automationOf(def: TServiceDefinition, path: string[]): Automation {
  const kinds = new Map(def.process!.steps.map((s) => [s.id, s.kind]));
  return path.some((id) => ['human', 'four_eyes'].includes(kinds.get(id) ?? '')) ? 'partial' : 'full';
}

const RESULT_BY_KIND: Record<string, string> = {
  approval: 'approved',
  four_eyes: 'approved',
};

/** Who does a step of kind `kind`, as `case_steps.completed_by_system` names the automation. */
function systemName(step: TProcessStep): string | null {
  switch (step.kind) {
    case 'automated':
      return step.decision ? `rule:${step.decision}@1` : `job:${step.action ?? 'automated'}`;
    case 'robot':
      return 'robot:Attestrobot';
    case 'wait':
      return 'timer';
    case 'parallel':
    case 'join':
    case 'end':
      return ENGINE_ACTOR;
    default:
      return null;
  }
}

/**
 * Writes one case's path: a row per step, spread evenly from submission to resolution, a timeline
 * entry for each step a person or the automation did (and, for a step handed over, the automation's
 * entry with the reason), and the decision a table made. Returns the caseworker who did the last
 * person's step (the one who resolved it), or null when the automation resolved it.
 */
export function writePath(c: {
  def: TServiceDefinition;
  id: string;
  team: string;
  path: string[];
  handed?: DemoPath['handed'];
  submittedAt: Date;
  resolvedAt: Date;
  leaderUserId: string;
  steps: SQL[];
  events: SQL[];
  decisions: SQL[];
}): string | null {
  const byId = new Map(c.def.process!.steps.map((s) => [s.id, s]));
  const span = (c.resolvedAt.getTime() - c.submittedAt.getTime()) / c.path.length;
  let at = c.submittedAt.getTime();
  let lastBy: string | null = null;
  const year = c.submittedAt.toISOString().slice(0, 4);
  for (const entry of c.path) {
    const handed = entry.startsWith('!');
    const step = byId.get(handed ? entry.slice(1) : entry);
    if (!step) throw new Error(`Demo history: ${c.def.id} has no step ${entry}`);
    const started = new Date(at).toISOString();
    at += span;
    const done = new Date(Math.min(at, c.resolvedAt.getTime())).toISOString();
    const dueDate = step.normDays ? addDays(started.slice(0, 10), step.normDays) : null;
    if (handed) {
      const reason = c.handed!.reason;
      c.steps.push(
        sql`(${c.id}, ${step.id}, ${step.kind}, 'cancelled', null, null, null, null, ${started}, ${dueDate}, ${done}, ${JSON.stringify({ cancelled: reason })}::jsonb)`,
      );
      c.events.push(
        sql`(${c.id}, ${done}, null, ${eventTypeSql('automation')}, ${internalSql('automation')}, ${reason}, ${JSON.stringify({ how: c.handed!.how, reason: { da: reason, en: reason }, by: 'system:automation' })}::jsonb)`,
      );
      continue;
    }
    const system = systemName(step);
    const person = system
      ? null
      : step.kind === 'approval'
        ? c.leaderUserId
        : (step.team ?? c.team) === 'okf-ks-hr'
          ? 'demo-sagsbehandler-hr'
          : 'demo-sagsbehandler-loen';
    const result =
      step.kind === 'end' || step.kind === 'parallel' || step.kind === 'join'
        ? null
        : (RESULT_BY_KIND[step.kind] ?? 'done');
    c.steps.push(
      sql`(${c.id}, ${step.id}, ${step.kind}, 'done', ${result}, ${person && step.kind !== 'automated' ? person : null}, ${person}, ${system}, ${started}, ${dueDate}, ${done}, '{}'::jsonb)`,
    );
    if (step.kind === 'end' || step.kind === 'parallel' || step.kind === 'join') continue;
    lastBy = person;
    if (step.decision) {
      const decisionId = decisionVersion(step.decision, year);
      c.decisions.push(
        sql`(${c.id}, ${step.decision}, 1, ${decisionId}, '{}'::jsonb, '[]'::jsonb, ${JSON.stringify(rulesFor(step.decision, year))}::jsonb, ${done})`,
      );
      c.events.push(
        sql`(${c.id}, ${done}, null, ${eventTypeSql('decision')}, ${internalSql('decision')}, null, ${JSON.stringify({ tableId: step.decision, revision: 1, decisionId, rules: rulesFor(step.decision, year) })}::jsonb)`,
      );
    }
    c.events.push(
      sql`(${c.id}, ${done}, ${person}, ${eventTypeSql('step')}, ${internalSql('step')}, null, ${JSON.stringify({ stepId: step.id, kind: step.kind, name: step.name, result, by: system ?? { userId: person } })}::jsonb)`,
    );
  }
  return lastBy;
}
