import { sql } from 'drizzle-orm';
import { textOf, type ConnectorName, type TProcessStep } from '@indgang/schemas';
import type { ConnectorCall } from '../connectors/ConnectorCall';
import type { Connectors } from '../connectors/Connectors';
import type { Tx } from '../audit/appendAudit';
import { decide, refuse } from './actions/decide';
import { DIGITAL_POST_ACTIONS } from './actions/digitalPostActions';
import { PAYROLL_ACTIONS } from './actions/payrollActions';
import { decisionOutputs, type ProcessCase } from './processCase';
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
  /**
   * Follow-up work written with the answer, in the transaction that records it and moves the case
   * on (so it happens once, exactly when the sending is recorded): e.g. the job that reads a
   * letter's delivery status later.
   */
  afterSend?(
    tx: Tx,
    sent: { caseId: string; caseStepId: number; answer: Record<string, unknown> },
  ): Promise<void>;
}

/**
 * Every automated action, by name. The actions that call a municipal system are declared beside
 * their system (`actions/<system>Actions.ts`) and spread in here.
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
  ...PAYROLL_ACTIONS,
  ...DIGITAL_POST_ACTIONS,
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
];

const byName = new Map(AUTOMATED_ACTIONS.map((a) => [a.name, a]));
export const AUTOMATED_ACTION_NAMES = AUTOMATED_ACTIONS.map((a) => a.name);
export const automatedAction = (name: string) => byName.get(name);
/** The municipal system an action calls, if any: its jobs are that connector's queue. */
export const actionConnector = (name: string) => byName.get(name)?.connector?.name ?? null;
