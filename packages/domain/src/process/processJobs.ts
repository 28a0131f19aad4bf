import { z } from 'zod';
import { defineJobKind } from '../jobs/defineJobKind';

/*
 * The process engine's job kinds. Their handlers live in the engine, which itself writes jobs
 * through the job kinds' registry; the handlers are therefore loaded when a job first runs, so the
 * registry never waits on the engine's modules while it is being built.
 */

/** Starts a case's process: written by the submission's one statement when the start step is not a person's. */
export const processStartJob = defineJobKind({
  name: 'process.start',
  payload: z.object({ caseId: z.string() }).strict(),
  maxAttempts: 5,
  timeoutMs: 60_000,
  async run(services, payload, context) {
    const { runProcessStart } = await import('./runProcessJobs');
    await runProcessStart(services, payload, context);
  },
  async onDead(services, payload, error) {
    const { failCaseAutomation } = await import('./runProcessJobs');
    await failCaseAutomation(services, payload.caseId, error);
  },
});

/** Runs an automated step (its action) or ends a wait step on its date: one job per case step. */
export const processStepJob = defineJobKind({
  name: 'process.step',
  payload: z.object({ caseId: z.string(), caseStepId: z.number().int().positive() }).strict(),
  maxAttempts: 5,
  timeoutMs: 120_000,
  async run(services, payload, context) {
    const { runProcessStep } = await import('./runProcessJobs');
    await runProcessStep(services, payload, context);
  },
  async onDead(services, payload, error) {
    const { failCaseAutomation } = await import('./runProcessJobs');
    await failCaseAutomation(services, payload.caseId, error);
  },
});

/** The recurring check for overdue steps: each is escalated once, by its step's escalation. */
export const processEscalationJob = defineJobKind({
  name: 'process.escalate',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  timeoutMs: 300_000,
  async run(services) {
    const { escalateOverdueSteps } = await import('./escalateOverdueSteps');
    await escalateOverdueSteps(services);
  },
});
