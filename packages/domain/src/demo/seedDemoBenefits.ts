import { eventTypeSql, internalSql, statusSql } from '../cases/appendCaseEvent';
import { sql, type SQL } from 'drizzle-orm';
import type { BusinessCaseInput, TServiceDefinition } from '@indgang/schemas';
import { routeCase, textOf, validateAnswers } from '@indgang/schemas';
import type { Tx } from '../audit/appendAudit';
import { addDays } from '../time/isoDate';
import { seedDemoProcessHistory, writePath } from './seedDemoProcessHistory';
import { seededRandom } from './seededRandom';

export interface DemoBenefitOptions {
  today: string;
  seed: number;
  businessCase?: BusinessCaseInput;
  history: boolean;
}

/**
 * A claim's way through the mileage process after go-live: the leader's approval, the 60-day rule,
 * the rate table and payroll; an excluded claim leaves automation at its first automated step, a
 * failed one when payroll does not answer.
 */
const MILEAGE_PATHS = {
  full: ['leder', 'regel60', 'takst', 'loen', 'udbetalt'],
  excluded: ['leder', '!regel60', 'manuel', 'afsluttet'],
  failed: ['leder', 'regel60', 'takst', '!loen', 'manuel', 'afsluttet'],
};

const PROGRAMME_ID = '6f1d1c2e-0000-4000-8000-000000000001';
const PLATFORM_ID = '6f1d1c2e-0000-4000-8000-000000000011';
const AUTOMATION_ID = '6f1d1c2e-0000-4000-8000-000000000012';

/**
 * Eksempel Kommune's benefit programme: the service-platform business case (seed 000), a benefit
 * tree, KPIs measured from the platform's cases and one measured by hand. With `history`, a year
 * of resolved cases, half before and half after go-live, gives the automatic KPIs something to show.
 */
export async function seedDemoBenefits(tx: Tx, options: DemoBenefitOptions): Promise<void> {
  const monthStart = (monthsBack: number) => {
    const d = new Date(`${options.today.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - monthsBack);
    return d.toISOString().slice(0, 10);
  };
  await tx.execute(sql`INSERT INTO programmes (id, name, description, owner_user_id, status) VALUES (${PROGRAMME_ID}, 'Ny serviceplatform og procesautomatisering',
    'Én indgang til Koncernservice for ledere og medarbejdere, digitalt dataflow fra indberetning til sagsbehandling, og automatisering af 13 løn- og personaleprocesser.', 'demo-programleder', 'active')`);
  await tx.execute(sql`INSERT INTO projects (id, programme_id, name, description, owner_user_id, benefit_owner_user_id, status, risk_level, risk_description) VALUES
    (${PLATFORM_ID}, ${PROGRAMME_ID}, 'Ny serviceplatform (Indgang)', 'Portal med vejledning ved felterne, sagsoverblik for lederne og arbejdskøer i Koncernservice.', 'demo-programleder', 'demo-procesejer', 'active', 'medium',
     'Gevinsterne forudsætter, at lederne tager portalen i brug: uddannelse og support i alle forvaltninger.'),
    (${AUTOMATION_ID}, ${PROGRAMME_ID}, 'Automatisering af 13 processer', 'Regler og robotter tager rutinetrinnene i 13 løn- og personaleprocesser; undtagelser går til sagsbehandlerne.', 'demo-programleder', 'demo-teamleder', 'planned', 'high',
     'Afhænger af den nye serviceplatform og af integrationer til lønsystemet.')`);
  if (options.businessCase) {
    await tx.execute(
      sql`INSERT INTO business_cases (project_id, data, updated_by_user_id) VALUES (${PLATFORM_ID}, ${JSON.stringify(options.businessCase)}::jsonb, 'demo-oekonomi')`,
    );
  }
  await tx.execute(
    sql`INSERT INTO business_cases (project_id, data, updated_by_user_id) VALUES (${AUTOMATION_ID}, ${JSON.stringify(
      {
        title: 'Automatisering af 13 processer',
        priceLevel: 2017,
        firstYear: 2017,
        lines: [
          {
            label: 'Automatisering på løn- og personaleområdet',
            kind: 'permanent',
            area: 'service',
            amounts: [0, -4600, -6580, -6580, -6580],
          },
          {
            label: 'Systemunderstøttelse af automatisering',
            kind: 'permanent',
            area: 'service',
            amounts: [0, 700, 2928, 2928, 2928],
          },
          {
            label: 'Udvikling og implementering af automatisering',
            kind: 'implementation',
            area: 'capital',
            amounts: [3920, 5737, 795, 0, 0],
          },
        ],
      },
    )}::jsonb, 'demo-oekonomi')`,
  );
  const nodes = [
    { id: 't1', layer: 'technology', label: 'Én portal med vejledning og regler ved felterne' },
    { id: 't2', layer: 'technology', label: 'Digitalt dataflow fra indberetning til sagsbehandling' },
    { id: 't3', layer: 'technology', label: 'Regler og robotter i 13 processer' },
    { id: 'c1', layer: 'change', label: 'Lederne indberetter selv, ét sted, og følger deres sager' },
    { id: 'c2', layer: 'change', label: 'Ingen genindtastning i Koncernservice' },
    { id: 'c3', layer: 'change', label: 'Færre tilbageløb og rettelser' },
    {
      id: 'b1',
      layer: 'benefit',
      benefitKind: 'economic',
      label: 'Udfasning af selvbetjeningsløsninger: 4,2 mio. kr. om året',
    },
    {
      id: 'b2',
      layer: 'benefit',
      benefitKind: 'economic',
      label: 'CRM-driftsbudget frigjort: 6,8 mio. kr. om året',
    },
    {
      id: 'b3',
      layer: 'benefit',
      benefitKind: 'economic',
      label: 'Automatisering: 6,6 mio. kr. om året ved fuld indfasning',
    },
    { id: 'b4', layer: 'benefit', benefitKind: 'quality', label: 'Lederne ved, hvor deres sager er' },
    { id: 'b5', layer: 'benefit', benefitKind: 'quality', label: 'Færre fejl i lønnen' },
    { id: 'g1', layer: 'goal', label: 'Økonomisk råderum til kernevelfærden' },
    { id: 'g2', layer: 'goal', label: 'Mere tid til ledelse decentralt' },
    { id: 'g3', layer: 'goal', label: 'Højere kvalitet i lønadministrationen' },
  ];
  const links = [
    ['t1', 'c1'],
    ['t1', 'c3'],
    ['t2', 'c2'],
    ['t3', 'c2'],
    ['c1', 'b1'],
    ['c1', 'b4'],
    ['c2', 'b2'],
    ['c2', 'b3'],
    ['c3', 'b5'],
    ['c3', 'b3'],
    ['b1', 'g1'],
    ['b2', 'g1'],
    ['b3', 'g1'],
    ['b4', 'g2'],
    ['b5', 'g3'],
  ].map(([from, to]) => ({ from, to }));
  await tx.execute(
    sql`INSERT INTO benefit_trees (project_id, nodes, links, updated_by_user_id) VALUES (${PLATFORM_ID}, ${JSON.stringify(nodes)}::jsonb, ${JSON.stringify(links)}::jsonb, 'demo-programleder')`,
  );
  const baselineDate = monthStart(12);
  const deadline = addDays(monthStart(-12), -1);
  const kpi = (
    id: string,
    name: string,
    unit: string,
    direction: string,
    baseline: number,
    [pess, likely, opt]: number[],
    source: string,
    how: string,
  ) => sql`(${id}, ${PLATFORM_ID}, ${name}, ${unit}, ${direction}, ${baseline * 100}, ${baselineDate}, ${pess! * 100}, ${likely! * 100}, ${opt! * 100}, ${deadline},
    ${how}, ${source === 'manual' ? 'Spørgeskema til alle ledere før og efter; svarprocent over 50.' : 'Måles automatisk af Indgang ud fra sagerne, pr. måned.'}, 'Procesejer i Koncernservice', 'Hvert kvartal i programstyregruppen', ${source})`;
  await tx.execute(sql`INSERT INTO kpis (id, project_id, name, unit, direction, baseline_centi, baseline_date, target_pessimistic_centi, target_likely_centi, target_optimistic_centi, deadline, how_achieved, how_measured, follow_up_by, follow_up_when, source) VALUES
    ${kpi('6f1d1c2e-0000-4000-8000-000000000021', 'Gennemløbstid fra indberetning til løsning', 'days', 'decrease', 9, [6, 4, 3], 'lead_time_days', 'Komplette indberetninger med vejledning ved felterne og arbejdskøer sorteret efter frist.')},
    ${kpi('6f1d1c2e-0000-4000-8000-000000000022', 'Tilbageløb pr. 100 sager', 'per100', 'decrease', 25, [18, 10, 6], 'returns_per_100', 'Dokumentationskrav vist før indsendelse og validering i formularen.')},
    ${kpi('6f1d1c2e-0000-4000-8000-000000000023', 'Andel sager indberettet af lederne selv', 'percent', 'increase', 70, [85, 95, 98], 'self_service_share', 'Alle services i portalen; telefon og mail henviser dertil.')},
    ${kpi('6f1d1c2e-0000-4000-8000-000000000024', 'Ledernes tilfredshed med Koncernservice', 'percent', 'increase', 48, [55, 65, 75], 'manual', 'Overblik over egne sager og færre henvendelser for at følge op.')},
    ${kpi('6f1d1c2e-0000-4000-8000-000000000025', 'Andel sager løst automatisk', 'percent', 'increase', 0, [40, 55, 70], 'automated_share', 'Kørsel, ansættelse, fratrædelse, attester og autorisationskontrol: regler, robotter og integrationer til løn, ESDH, Digital Post og identitetsstyring i stedet for en sagsbehandler.')},
    ${kpi('6f1d1c2e-0000-4000-8000-000000000026', 'Minutter sparet ved automatisering pr. måned', 'minutes', 'increase', 0, [100, 200, 300], 'automation_minutes_saved', 'Automatiske trin i stedet for manuel taksering og indtastning i lønsystemet.')}`);
  await tx.execute(sql`INSERT INTO kpi_measurements (kpi_id, measured_on, value_centi, kind, note, recorded_by_user_id) VALUES
    ('6f1d1c2e-0000-4000-8000-000000000024', ${baselineDate}, 4800, 'before', 'Førmåling blandt 212 ledere', 'demo-procesejer'),
    ('6f1d1c2e-0000-4000-8000-000000000024', ${monthStart(1)}, 6600, 'after', 'Eftermåling blandt 198 ledere', 'demo-procesejer')`);
  await tx.execute(sql`INSERT INTO benefit_realisations (project_id, year, realised_kroner, note, recorded_by_user_id) VALUES
    (${PLATFORM_ID}, 2018, 3100000, 'Automatisering af de første processer senere end planlagt', 'demo-procesejer'),
    (${PLATFORM_ID}, 2019, 6420000, 'CRM udfaset; selvbetjeningsløsninger lukket i etaper', 'demo-procesejer')`);
  if (options.history) {
    await seedCaseHistory(tx, options, monthStart);
    await seedDemoProcessHistory(tx, { seed: options.seed, monthStart, firstId: 100_000 });
  }
}

/** A year of resolved mileage cases: slower, with more returns, before go-live six months ago. */
async function seedCaseHistory(
  tx: Tx,
  options: DemoBenefitOptions,
  monthStart: (monthsBack: number) => string,
) {
  const rng = seededRandom(options.seed + 7);
  const random = rng.next;
  const { rows: people } = await tx.execute(sql`
    SELECT u.id AS user_id, u.person_id, e.unit_id FROM users u JOIN employments e ON e.person_id = u.person_id
    WHERE u.id IN ('demo-medarbejder', 'demo-leder', 'demo-leder-pleje') AND e.end_date IS NULL`);
  const { rows: services } = await tx.execute(
    sql`SELECT id, version, definition FROM services WHERE id = 'koerselsgodtgoerelse' ORDER BY version DESC LIMIT 1`,
  );
  if (people.length === 0 || services.length === 0) return;
  const values: SQL[] = [];
  const events: SQL[] = [];
  const steps: SQL[] = [];
  const decisions: SQL[] = [];
  for (let back = 12; back >= 1; back -= 1) {
    const afterGoLive = back <= 6;
    const count = 20 + (12 - back) * 2;
    for (let i = 0; i < count; i += 1) {
      const person = people[Math.floor(random() * people.length)]!;
      const service = services[Math.floor(random() * services.length)]!;
      const def = service.definition as TServiceDefinition;
      // Resolved as paid, by the service's own outcome where it names one.
      const paid = def.outcomes?.find((o) => o.id === 'paid');
      const submittedAt = new Date(`${monthStart(back)}T08:00:00Z`);
      submittedAt.setUTCDate(1 + Math.floor(random() * 27));
      submittedAt.setUTCHours(7 + Math.floor(random() * 8), Math.floor(random() * 60));
      const leadDays = afterGoLive ? 2 + random() * 4 : 6 + random() * 7;
      const resolvedAt = new Date(submittedAt.getTime() + leadDays * 86_400_000);
      const byStaff = random() < (afterGoLive ? 0.05 : 0.3);
      const returned = random() < (afterGoLive ? 0.09 : 0.26);
      const date = submittedAt.toISOString().slice(0, 10);
      const { answers } = validateAnswers(
        def,
        {
          trips: [
            {
              date,
              from: 'Arbejdsstedet',
              to: 'Rådhuset',
              km: String(5 + Math.floor(random() * 40)),
              purpose: 'Møde',
            },
          ],
        },
        { roles: [], administration: null, experience: 'experienced', frequency: 'frequent' },
        { requireDocuments: false },
      );
      const id: string = `00000000-0000-4000-9000-${String(values.length + 1).padStart(12, '0')}`;
      // After go-live the process engine ran the claim: most end to end, some excluded or failed to a person.
      const roll = random();
      const automation =
        !afterGoLive || !def.process ? null : roll < 0.65 ? 'full' : roll < 0.87 ? 'excluded' : 'failed';
      const reason =
        automation === 'excluded'
          ? random() < 0.5
            ? 'Obsliste: Personen er på obslisten og må ikke behandles automatisk (verserende lønsag).'
            : 'Undtagelseskriterie: Personen har fravær eller orlov registreret i perioden.'
          : automation === 'failed'
            ? 'Lønsystemet svarede ikke efter sidste forsøg; sagen er givet til en sagsbehandler.'
            : null;
      values.push(sql`(${id}, ${`IND-${date.slice(0, 4)}-`} || lpad(nextval('case_number_seq')::text, 6, '0'), ${service.id}, ${service.version}, ${person.unit_id}, ${person.person_id},
        ${byStaff ? 'demo-sagsbehandler-loen' : person.user_id}, ${statusSql('resolved')}, ${routeCase(def, answers)}, ${JSON.stringify(answers)}::jsonb, ${submittedAt.toISOString()}, ${addDays(date, 10)}, ${resolvedAt.toISOString()}, ${paid?.id ?? null}, ${paid ? textOf(paid.label, 'da') : 'Udbetalt'}, ${automation}, ${reason})`);
      events.push(
        sql`(${id}, ${submittedAt.toISOString()}, ${byStaff ? 'demo-sagsbehandler-loen' : person.user_id}, ${eventTypeSql('submitted')}, ${internalSql('submitted')}, null, '{}'::jsonb)`,
      );
      if (automation && def.process)
        writePath({
          def,
          id,
          team: routeCase(def, answers),
          path: MILEAGE_PATHS[automation],
          handed: automation === 'full' ? undefined : { how: automation, reason: reason! },
          submittedAt,
          resolvedAt,
          leaderUserId: 'demo-leder',
          steps,
          events,
          decisions,
        });
      if (returned)
        events.push(
          sql`(${id}, ${new Date(submittedAt.getTime() + 86_400_000).toISOString()}, 'demo-sagsbehandler-loen', ${eventTypeSql('returned')}, ${internalSql('returned')}, 'Vi mangler kvitteringen.', ${JSON.stringify({ reasonCode: 'missing-document', reason: { da: 'Manglende dokumentation', en: 'Missing documentation' } })}::jsonb)`,
        );
      const bySystem = automation === 'full';
      events.push(
        sql`(${id}, ${resolvedAt.toISOString()}, ${bySystem ? null : 'demo-sagsbehandler-loen'}, ${eventTypeSql('resolved')}, ${internalSql('resolved')}, 'Beløbet kommer med næste lønudbetaling.', ${JSON.stringify({ outcome: paid ? textOf(paid.label, 'da') : 'Udbetalt', ...(paid ? { outcomeId: paid.id } : {}), ...(bySystem ? { by: 'system:automation' } : {}) })}::jsonb)`,
      );
    }
  }
  await tx.execute(
    sql`INSERT INTO cases (id, number, service_id, service_version, unit_id, subject_person_id, submitted_by_user_id, status, team_id, answers, submitted_at, due_date, resolved_at, outcome_id, outcome, automation, automation_reason) VALUES ${sql.join(values, sql`, `)}`,
  );
  await tx.execute(
    sql`INSERT INTO case_events (case_id, at, actor_user_id, type, internal, body, data) VALUES ${sql.join(events, sql`, `)}`,
  );
  if (steps.length > 0)
    await tx.execute(
      sql`INSERT INTO case_steps (case_id, step_id, kind, status, result, assignee_user_id, completed_by_user_id, completed_by_system, started_at, due_date, completed_at, data) VALUES ${sql.join(steps, sql`, `)}`,
    );
  if (decisions.length > 0)
    await tx.execute(
      sql`INSERT INTO case_decisions (case_id, table_id, revision, decision_id, inputs, outputs, rules, at) VALUES ${sql.join(decisions, sql`, `)}`,
    );
}
