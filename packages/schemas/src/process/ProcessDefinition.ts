import { z } from 'zod';
import { ZText } from '../forms/ZText';

/**
 * The kinds of step a service's process is made of:
 * - `human`: a caseworker's task in a team's queue (the case's own queue unless `team` names one);
 * - `approval`: a person derived from the organisation approves, rejects or returns;
 * - `four_eyes`: a second caseworker, never the one who did the step before, approves or rejects;
 * - `automated`: the platform acts (an `action`, optionally deciding by a `decision` table);
 * - `robot`: a work item on a `topic` that robots fetch through the robot API;
 * - `wait`: until a date from the answers (`until`) or an event (`event`);
 * - `parallel`: every outgoing transition starts a branch; `join`: waits for all branches;
 * - `end`: the case is resolved with the step's `outcome`.
 */
export const PROCESS_STEP_KINDS = [
  'human',
  'approval',
  'four_eyes',
  'automated',
  'robot',
  'wait',
  'parallel',
  'join',
  'end',
] as const;
export type ProcessStepKind = (typeof PROCESS_STEP_KINDS)[number];

/** The results a step of each kind can end with; transitions are chosen by them (`on`). */
export const STEP_RESULTS = {
  human: ['done'],
  approval: ['approved', 'rejected', 'returned'],
  four_eyes: ['approved', 'rejected'],
  automated: ['done', 'excluded', 'failed'],
  robot: ['done', 'business_error', 'failed'],
  wait: ['done'],
  parallel: ['done'],
  join: ['done'],
  end: [],
} as const satisfies Record<ProcessStepKind, readonly string[]>;
export type StepResult = (typeof STEP_RESULTS)[ProcessStepKind][number];

/** A case's step runs until it is done or cancelled (the other branch ended the case, or a person took over). */
export const CASE_STEP_STATUSES = ['active', 'done', 'cancelled'] as const;
export type CaseStepStatus = (typeof CASE_STEP_STATUSES)[number];

export const WORK_ITEM_STATUSES = ['waiting', 'locked', 'done', 'failed', 'business_error'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

/** How automation handled a case: end to end, partly, not at all (excluded), or failed to a person. */
export const CASE_AUTOMATION = ['full', 'partial', 'excluded', 'failed'] as const;
export type CaseAutomation = (typeof CASE_AUTOMATION)[number];

/**
 * Who approves: the submitter's leader (or her deputy) for the unit the case concerns, the leader
 * of the unit the subject person works in, or anyone holding a named role for the unit.
 */
export const ZApprover = z.union([
  z.enum(['unit_leader', 'subject_leader']),
  z.object({ role: z.string().regex(/^[a-z_]+$/) }).strict(),
]);
export type TApprover = z.infer<typeof ZApprover>;

const stepId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/, 'a step id: a letter, then letters, digits, _ or -');

/**
 * A transition: to the step `to` when the step ended with `on` (any result when absent) and the
 * FEEL expression `when` holds over the case (`answers`, `case`, `subject`, `decision`).
 */
export const ZTransition = z
  .object({
    to: stepId,
    on: z.string().max(40).optional(),
    when: z.string().max(2000).optional(),
    label: ZText.optional(),
  })
  .strict();
export type TTransition = z.infer<typeof ZTransition>;

export const ZProcessStep = z
  .object({
    id: stepId,
    kind: z.enum(PROCESS_STEP_KINDS),
    name: ZText,
    /** What the submitter reads while the case is at this step ("Afventer din leders godkendelse"). */
    portalText: ZText.optional(),
    /** Norm time in working days: the step's deadline, escalated when passed. */
    normDays: z.number().int().min(0).max(365).optional(),
    /** Effort norm: the minutes a person spends on the step when it is done by hand. */
    effortMinutes: z.number().min(0).max(10_000).optional(),
    /** When the deadline has passed: tell the team lead, or hand an automated step to the case's team. */
    escalation: z.enum(['team_lead', 'queue']).optional(),
    next: z.array(ZTransition).default([]),
    /** human: the team whose queue holds the task (the case's routed team when absent). */
    team: z.string().optional(),
    /** approval */
    approver: ZApprover.optional(),
    /** automated: the action the platform performs (an action kind the engine knows). */
    action: z.string().max(60).optional(),
    /** automated: a decision table whose outputs the step records and its transitions may read. */
    decision: z.string().max(80).optional(),
    /**
     * automated `digitalPost.send`: the letter the step sends to the person the case is about, as a
     * Digital Post message: its `label` (the title in the recipient's inbox), its text (the case's
     * outcome when absent), and the MeMo flags `legalNotification` (the letter has legal effect, e.g.
     * a decision) and `mandatory` (the recipient cannot opt out of it). `terms` names sections of the
     * form whose answers the letter lists after its text, by their labels (e.g. a letter of
     * employment's position and pay).
     */
    letter: z
      .object({
        label: ZText,
        text: ZText.optional(),
        terms: z
          .array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/))
          .max(20)
          .optional(),
        legalNotification: z.boolean().default(false),
        mandatory: z.boolean().default(false),
      })
      .strict()
      .optional(),
    /** robot */
    topic: z
      .string()
      .regex(/^[a-z][a-z0-9.-]*$/)
      .max(60)
      .optional(),
    /** wait: the answer field (a date) to wait for, with an offset in days. */
    until: z
      .object({ field: z.string(), offsetDays: z.number().int().min(-365).max(365).default(0) })
      .strict()
      .optional(),
    /** wait: an event that ends the wait. */
    event: z.string().max(60).optional(),
    /** end: the outcome (one of the service's outcomes) the case is resolved with. */
    outcome: z.string().max(60).optional(),
  })
  .strict();
export type TProcessStep = z.infer<typeof ZProcessStep>;

/** A service's process: its steps and the one it starts with. Versioned with the service. */
export const ZProcessDefinition = z
  .object({
    start: stepId,
    steps: z.array(ZProcessStep).min(1).max(200),
  })
  .strict();
export type TProcessDefinition = z.infer<typeof ZProcessDefinition>;

/** A reason a process definition is refused, in both languages, with the step it concerns. */
export interface ProcessProblem {
  stepId?: string;
  da: string;
  en: string;
}

/**
 * Checks what the schema cannot: every step reachable from the start, every transition to a known
 * step, every non-end step with a way on, every end step with an outcome of the service, and each
 * kind's own settings. `outcomes` are the service's outcome ids.
 */
export function checkProcessDefinition(
  def: TProcessDefinition,
  outcomes: readonly string[],
): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  const byId = new Map<string, TProcessStep>();
  for (const step of def.steps) {
    if (byId.has(step.id))
      problems.push({
        stepId: step.id,
        da: `Trinnet "${step.id}" findes to gange.`,
        en: `Step "${step.id}" appears twice.`,
      });
    byId.set(step.id, step);
  }
  if (!byId.has(def.start))
    problems.push({
      da: `Starttrinnet "${def.start}" findes ikke.`,
      en: `The start step "${def.start}" does not exist.`,
    });
  for (const step of def.steps) {
    const label = typeof step.name === 'string' ? step.name : step.name.da;
    for (const t of step.next) {
      if (!byId.has(t.to))
        problems.push({
          stepId: step.id,
          da: `Trinnet "${label}" fører til "${t.to}", som ikke findes.`,
          en: `Step "${label}" leads to "${t.to}", which does not exist.`,
        });
      const results: readonly string[] = STEP_RESULTS[step.kind];
      if (t.on !== undefined && !results.includes(t.on))
        problems.push({
          stepId: step.id,
          da: `Trinnet "${label}" kan ikke ende med "${t.on}" (kun ${results.join(', ') || 'intet'}).`,
          en: `Step "${label}" cannot end with "${t.on}" (only ${results.join(', ') || 'nothing'}).`,
        });
    }
    if (step.kind === 'end') {
      if (step.next.length > 0)
        problems.push({
          stepId: step.id,
          da: `Sluttrinnet "${label}" må ikke føre videre.`,
          en: `End step "${label}" must not lead on.`,
        });
      // A caseworker resolving a case picks its outcome; an end reached otherwise must name one.
      const byPerson = def.steps
        .filter((s) => s.next.some((t) => t.to === step.id))
        .every((s) => s.kind === 'human' || s.kind === 'four_eyes');
      if (step.outcome !== undefined && outcomes.length > 0 && !outcomes.includes(step.outcome))
        problems.push({
          stepId: step.id,
          da: `Sluttrinnet "${label}" har udfaldet "${step.outcome}", som servicen ikke har (${outcomes.join(', ')}).`,
          en: `End step "${label}" has the outcome "${step.outcome}", which the service lacks (${outcomes.join(', ')}).`,
        });
      else if (step.outcome === undefined && outcomes.length > 0 && !byPerson)
        problems.push({
          stepId: step.id,
          da: `Sluttrinnet "${label}" mangler et af servicens udfald (${outcomes.join(', ')}).`,
          en: `End step "${label}" needs one of the service's outcomes (${outcomes.join(', ')}).`,
        });
    } else if (step.next.length === 0) {
      problems.push({
        stepId: step.id,
        da: `Trinnet "${label}" er en blindgyde: det fører ingen steder hen.`,
        en: `Step "${label}" is a dead end: it leads nowhere.`,
      });
    } else {
      // Every result the step can end with needs a way on, or the case would stop there.
      for (const result of STEP_RESULTS[step.kind] as readonly string[]) {
        if (result === 'failed') continue; // a failed automated step goes to a person, not along a transition
        if (!step.next.some((t) => t.on === undefined || t.on === result))
          problems.push({
            stepId: step.id,
            da: `Trinnet "${label}" har ingen vej videre, når det ender med "${result}".`,
            en: `Step "${label}" has no way on when it ends with "${result}".`,
          });
      }
    }
    const need = (ok: boolean, da: string, en: string) => {
      if (!ok)
        problems.push({ stepId: step.id, da: `Trinnet "${label}" ${da}`, en: `Step "${label}" ${en}` });
    };
    if (step.kind === 'approval')
      need(step.approver !== undefined, 'mangler en godkender.', 'needs an approver.');
    if (step.kind === 'automated')
      need(
        step.action !== undefined || step.decision !== undefined,
        'mangler en handling eller en beslutningstabel.',
        'needs an action or a decision table.',
      );
    if (step.kind === 'robot')
      need(
        step.topic !== undefined,
        'mangler et emne (topic) for robotterne.',
        'needs a topic for the robots.',
      );
    if (step.kind === 'wait')
      need(
        step.until !== undefined || step.event !== undefined,
        'mangler en dato eller en hændelse at vente på.',
        'needs a date or an event to wait for.',
      );
    if (step.kind === 'parallel')
      need(
        step.next.length >= 2,
        'skal dele sig i mindst to grene.',
        'must split into at least two branches.',
      );
  }
  // Reachability from the start.
  const seen = new Set<string>();
  const stack = byId.has(def.start) ? [def.start] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of byId.get(id)?.next ?? []) if (byId.has(t.to)) stack.push(t.to);
  }
  for (const step of def.steps)
    if (!seen.has(step.id)) {
      const label = typeof step.name === 'string' ? step.name : step.name.da;
      problems.push({
        stepId: step.id,
        da: `Trinnet "${label}" kan ikke nås fra start.`,
        en: `Step "${label}" cannot be reached from the start.`,
      });
    }
  if (!def.steps.some((s) => s.kind === 'end'))
    problems.push({ da: 'Processen har intet sluttrin.', en: 'The process has no end step.' });
  return problems;
}

/**
 * The process of a service without one of its own: one caseworker task, ended by the caseworker
 * resolving the case (today's way of working).
 */
export const DEFAULT_PROCESS: TProcessDefinition = {
  start: 'behandling',
  steps: [
    {
      id: 'behandling',
      kind: 'human',
      name: { da: 'Sagsbehandling', en: 'Case handling' },
      next: [{ to: 'afsluttet' }],
    },
    { id: 'afsluttet', kind: 'end', name: { da: 'Afsluttet', en: 'Resolved' }, next: [] },
  ],
};
