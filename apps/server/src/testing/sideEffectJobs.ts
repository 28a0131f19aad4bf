import { z } from 'zod';
import { appendCaseEvent, defineJobKind, jobMessageId, type Mailer } from '@indgang/domain';

/**
 * Job kinds with the side effects of an automated step, for the worker crash test: an outgoing
 * call (to the test's receiver, with an Idempotency-Key derived from the job), a mail (its
 * Message-ID derived from the job) and a timeline entry written with the job's completion.
 */
export function sideEffectJobKinds(receiverUrl: string) {
  return [
    defineJobKind({
      name: 'test.automatedStep',
      title: { da: 'Automatisk trin', en: 'Automated step' },
      payload: z.object({ caseId: z.string(), step: z.number() }).strict(),
      maxAttempts: 5,
      timeoutMs: 10_000,
      backoffSeconds: () => 1,
      async run(services, payload, context) {
        const response = await fetch(`${receiverUrl}/payroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `job-${context.jobId}` },
          body: JSON.stringify(payload),
          signal: context.signal,
        });
        if (!response.ok) throw new Error(`the payroll system answered ${response.status}`);
        await services.mailer.send({
          to: 'leder@eksempel.test',
          subject: `Trin ${payload.step}`,
          text: 'Trinnet er udført.',
          messageId: jobMessageId(context.jobId, 'indgang.test'),
        });
        // Long enough that a kill lands in the middle of a batch.
        await new Promise((resolve) => setTimeout(resolve, 150));
        await context.transaction((tx) =>
          appendCaseEvent(tx, {
            caseId: payload.caseId,
            actorUserId: null,
            type: 'step',
            body: `Trin ${payload.step} udført automatisk`,
            data: { step: payload.step, job: context.jobId },
          }),
        );
      },
    }),
  ];
}

/** A mailer that hands each mail to the test's receiver (as an SMTP server would receive it). */
export function receiverMailer(receiverUrl: string): Mailer {
  return {
    async send(message) {
      const response = await fetch(`${receiverUrl}/mail`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      if (!response.ok) throw new Error(`the mail server answered ${response.status}`);
    },
  };
}
