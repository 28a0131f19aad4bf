import { sql } from 'drizzle-orm';
import { textOf, type ConnectorName, type TProcessStep } from '@indgang/schemas';
import type { ConnectorCall } from '../connectors/ConnectorCall';
import type { Connectors } from '../connectors/Connectors';
import type { Tx } from '../audit/appendAudit';
import { evaluateDecision } from '../decisions/evaluateDecision';
import { currentDecisionTable, recordCaseDecision } from '../decisions/storedDecisions';
import { DomainError } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';
import { IDENTITY_ACTIONS } from './actions/identityActions';
import { decisionInputs } from './caseFacts';
import { conditionAnswers, decisionOutputs, type ProcessCase } from './processCase';
import type { ProcessServices } from './ProcessServices';

/** What an automated action did: the step's result, the data it recorded, and the automation's name. */
export interface ActionOutcome {
  result: 'done' | 'excluded' | 'failed';
  data: Record<string, unknown>;
  system: string;
}

export interface ActionContext {
  tx: Tx;
  services: ProcessServices;
  pc: ProcessCase;
  step: TProcessStep;
  caseStepId: number;
}

/**
 * An automated action: what an automated step can do, declared once by name. An action reads only
 * the case it works on (its answers and the master data its facts name), so a rule never reaches
 * further than the service it runs for. A DomainError thrown by an action is a business failure:
 * the case goes to a person with its text; any other error is retried by the job engine.
 */
export interface AutomatedAction {
  name: string;
  description: { da: string; en: string };
  /** An action within the database alone: runs in the job's transaction. */
  run?(context: ActionContext): Promise<ActionOutcome>;
  /** An action that calls a municipal system: prepared in the database, sent outside any transaction. */
  connector?: ConnectorAction;
}

/** What a connector action will send, decided once and kept on the step so every retry sends the same. */
export interface PreparedSend {
  /** What goes to the system (JSON). */
  payload: Record<string, unknown>;
  /** What the step records beside the system's answer (a decision, the payroll record). */
  data?: Record<string, unknown>;
  /** The automation's name on the timeline (a decision table's revision), default `job:<action>`. */
  system?: string;
}

/**
 * A step that calls a municipal system, in two parts so no transaction is held open while the
 * system answers: `prepare` reads the case in a short transaction and decides what to send (kept
 * on the step, so a retry after a crash sends exactly the same); `send` calls the system with the
 * step's call key (the same on every retry, so the system, or the adapter looking for its own
 * earlier attempt, never does it twice) and returns what the step records of the answer.
 */
export interface ConnectorAction {
  name: ConnectorName;
  /** The operation, as recorded for the operations page (e.g. createEmployment). */
  operation: string;
  prepare(context: ActionContext): Promise<PreparedSend>;
  send(
    connectors: Connectors,
    payload: Record<string, unknown>,
    call: ConnectorCall,
  ): Promise<Record<string, unknown>>;
}

const refuse = (code: string, da: string, en: string) => new DomainError('unprocessable', code, { da, en });

/** Decides with the step's table (newest revision), records the decision on the case; transitions read `decision`. */
async function decide(context: ActionContext, tableId: string) {
  const { tx, pc, caseStepId } = context;
  const { revision, tables } = await currentDecisionTable({ db: tx }, tableId);
  const names = new Set<string>();
  for (const version of tables.versions) for (const v of version.variables) names.add(v.name);
  if (tables.dateInput) names.add(tables.dateInput);
  const inputs = await decisionInputs(tx, pc, [...names]);
  const decision = { tableId, revision, result: evaluateDecision(tables, inputs, todayInDenmark()) };
  await recordCaseDecision(tx, pc.id, caseStepId, decision, inputs);
  return {
    decision,
    data: {
      decision: {
        tableId,
        revision: decision.revision,
        version: decision.result.version,
        decisionId: decision.result.decisionId,
        outputs: decisionOutputs(decision.result.outputs),
        rules: decision.result.fired.map((r) => r.ruleId),
      },
    },
    system: `rule:${tableId}@${decision.revision}`,
  };
}

/** The outputs of the case's latest decision by a table. */
async function latestDecision(tx: Tx, caseId: string, tableId: string) {
  const { rows } = await tx.execute<{ outputs: Array<Record<string, unknown>>; revision: number }>(sql`
    SELECT outputs, revision FROM case_decisions WHERE case_id = ${caseId} AND table_id = ${tableId} ORDER BY id DESC LIMIT 1`);
  return rows[0] ? { ...rows[0], outputs: decisionOutputs(rows[0].outputs) } : null;
}

/** The person a payroll record is for, with the number payroll knows her by. */
async function payee(tx: Tx, pc: ProcessCase, personId: string | null) {
  if (!personId)
    throw refuse(
      'payroll_no_person',
      'Sagen nævner ingen medarbejder at udbetale til.',
      'The case names no employee to pay.',
    );
  const { rows } = await tx.execute<{ employeeNumber: string | null }>(sql`
    SELECT employee_number AS "employeeNumber" FROM persons WHERE id = ${personId}`);
  return { personId, employeeNumber: rows[0]?.employeeNumber ?? null };
}

/** The payroll run a record sent today reaches: the first whose cut-off is today or later. */
function payrollRun(services: ProcessServices) {
  const today = todayInDenmark();
  const run = services.calendar.payrollRuns(today, 2).find((r) => r.cutOff >= today);
  return run ? { month: run.month, cutOff: run.cutOff, payDay: run.payDay } : null;
}

/** Kroner with two decimals from øre, as payroll files write amounts. */
const kroner = (oere: number) => (oere / 100).toFixed(2);

const mileageAllowance = async (context: ActionContext) => {
  const { tx, pc, services } = context;
  const rates = await latestDecision(tx, pc.id, 'kilometertakst');
  if (!rates)
    throw refuse(
      'payroll_no_rates',
      'Kilometertaksten er ikke afgjort for sagen; en sagsbehandler må beregne godtgørelsen.',
      'The mileage rate was not decided for the case; a caseworker must compute the allowance.',
    );
  const trips = (pc.answers.trips ?? []) as Array<{ date: string; km: number }>;
  const km = trips.reduce((sum, t) => sum + Number(t.km), 0);
  const up = Number(rates.outputs.rateUpToLimit);
  const above = Number(rates.outputs.rateAboveLimit);
  const left = Number(rates.outputs.kmLeftAtUpperRate);
  if (![up, above, left].every(Number.isFinite))
    throw refuse(
      'payroll_rates_missing',
      'Kilometertabellen gav ingen sats for kørslen; en sagsbehandler må beregne godtgørelsen.',
      'The mileage table gave no rate for the trips; a caseworker must compute the allowance.',
    );
  const kmUp = Math.min(km, Math.max(left, 0));
  // Money in whole øre: km to one decimal times a rate in øre, rounded once per band.
  const oere = Math.round(kmUp * Math.round(up * 100)) + Math.round((km - kmUp) * Math.round(above * 100));
  return {
    kind: 'allowance',
    wageType: 'koerselsgodtgoerelse',
    ...(await payee(tx, pc, pc.subjectPersonId)),
    amount: kroner(oere),
    currency: 'DKK',
    km: Math.round(km * 10) / 10,
    kmAtUpperRate: Math.round(kmUp * 10) / 10,
    rates: { upToLimit: up, aboveLimit: above, revision: rates.revision },
    year: (pc.periodFrom ?? todayInDenmark()).slice(0, 4),
    period: { from: pc.periodFrom, to: pc.periodTo },
    run: payrollRun(services),
  };
};

const expenseRefund = async (context: ActionContext) => {
  const { tx, pc, services } = context;
  const receipts = (pc.answers.receipts ?? []) as Array<{
    date: string;
    amount: number;
    description: string;
  }>;
  const oere = receipts.reduce((sum, r) => sum + Number(r.amount), 0); // money answers are whole øre
  return {
    kind: 'allowance',
    wageType: 'udlaeg',
    ...(await payee(tx, pc, pc.subjectPersonId)),
    amount: kroner(oere),
    currency: 'DKK',
    lines: receipts.map((r) => ({
      date: r.date,
      description: r.description,
      amount: kroner(Number(r.amount)),
    })),
    period: { from: pc.periodFrom, to: pc.periodTo },
    run: payrollRun(services),
  };
};

/**
 * What payroll.allowance records, by the repeated section the service's answers hold: trips (a
 * mileage claim) or receipts (an expense claim), so a municipality's own copy of either service
 * works too; a service with neither is refused by name.
 */
const ALLOWANCES: Record<string, (context: ActionContext) => Promise<Record<string, unknown>>> = {
  trips: mileageAllowance,
  receipts: expenseRefund,
};

/** The pay change fields payroll needs, from the answers of a pay change. */
const PAY_CHANGE_FIELDS = [
  'kind',
  'effectiveDate',
  'newHours',
  'allowance',
  'newPosition',
  'newUnit',
] as const;

/**
 * Every automated action, by name. The payroll actions record exactly what they would send to
 * payroll in the step's data (`payroll`, with `sent: false`): connecting the real payroll system
 * comes with the integrations, and nothing here claims a payment was made.
 */
export const AUTOMATED_ACTIONS: readonly AutomatedAction[] = [
  {
    name: 'decide',
    description: { da: 'Afgør med en beslutningstabel', en: 'Decide with a decision table' },
    async run(context) {
      if (!context.step.decision)
        throw refuse(
          'decide_no_table',
          'Trinnet nævner ingen beslutningstabel.',
          'The step names no decision table.',
        );
      const { data, system } = await decide(context, context.step.decision);
      return { result: 'done', data, system };
    },
  },
  {
    name: 'payroll.allowance',
    description: { da: 'Godtgørelse til lønnen', en: 'Allowance to payroll' },
    async run(context) {
      const section = Object.keys(ALLOWANCES).find((id) =>
        context.pc.pinned.service.sections.some((s) => s.id === id && s.repeat),
      );
      const allowance = section ? ALLOWANCES[section] : undefined;
      if (!allowance)
        throw refuse(
          'payroll_unknown_service',
          `Der er ingen lønregistrering for servicen "${textOf(context.pc.pinned.service.name, 'da')}".`,
          `There is no payroll record for the service "${textOf(context.pc.pinned.service.name, 'en')}".`,
        );
      const decided = context.step.decision ? await decide(context, context.step.decision) : null;
      const payroll = await allowance(context);
      return {
        result: 'done',
        data: { ...decided?.data, payroll, sent: false },
        system: decided?.system ?? 'job:payroll.allowance',
      };
    },
  },
  {
    name: 'payroll.change',
    description: { da: 'Lønændring til lønnen', en: 'Pay change to payroll' },
    async run(context) {
      const { tx, pc, services } = context;
      const answers = conditionAnswers(pc);
      const personId = typeof answers.person === 'string' ? answers.person : pc.subjectPersonId;
      const change = Object.fromEntries(
        PAY_CHANGE_FIELDS.filter((f) => answers[f] !== undefined && answers[f] !== null).map((f) => [
          f,
          answers[f],
        ]),
      );
      const payroll = {
        kind: 'change',
        ...(await payee(tx, pc, personId)),
        change,
        run: payrollRun(services),
      };
      return { result: 'done', data: { payroll, sent: false }, system: 'job:payroll.change' };
    },
  },
  {
    name: 'resolve',
    description: {
      da: 'Vælg sagens udfald efter beslutningen',
      en: "Choose the case's outcome from the decision",
    },
    async run(context) {
      // The outcome comes from the step's table (its `outcome` output), or the case's latest decision.
      const decided = context.step.decision ? await decide(context, context.step.decision) : null;
      const { rows } = await context.tx.execute<{ outputs: Array<Record<string, unknown>> }>(sql`
        SELECT outputs FROM case_decisions WHERE case_id = ${context.pc.id} ORDER BY id DESC LIMIT 1`);
      const outcomeId = rows[0] ? decisionOutputs(rows[0].outputs).outcome : undefined;
      const outcome = context.pc.pinned.service.outcomes.find((o) => o.id === outcomeId);
      if (!outcome)
        throw refuse(
          'resolve_no_outcome',
          'Beslutningen gav ikke et af servicens udfald; en sagsbehandler må afgøre sagen.',
          "The decision gave none of the service's outcomes; a caseworker must decide the case.",
        );
      return {
        result: 'done',
        data: { ...decided?.data, outcomeId: outcome.id, outcome: textOf(outcome.label, 'da') },
        system: decided?.system ?? 'job:resolve',
      };
    },
  },
  ...IDENTITY_ACTIONS,
];

const byName = new Map(AUTOMATED_ACTIONS.map((a) => [a.name, a]));
export const AUTOMATED_ACTION_NAMES = AUTOMATED_ACTIONS.map((a) => a.name);
export const automatedAction = (name: string) => byName.get(name);
/** The municipal system an action calls, if any: its jobs are that connector's queue. */
export const actionConnector = (name: string) => byName.get(name)?.connector?.name ?? null;
