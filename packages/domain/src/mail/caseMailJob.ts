import { z } from 'zod';
import { defineJobKind } from '../jobs/defineJobKind';
import { composeCaseMail, CASE_MAIL_KINDS, jobMessageId } from './caseMail';

/** Mails the submitter of a case: the receipt, a return, a message or the resolution. */
export const caseMailJob = defineJobKind({
  name: 'mail.case',
  title: { da: 'Mail til ansøgeren', en: 'Mail to the applicant' },
  payload: z.object({ caseId: z.string(), kind: z.enum(CASE_MAIL_KINDS) }).strict(),
  maxAttempts: 5,
  timeoutMs: 60_000,
  async run(services, payload, context) {
    const mail = await composeCaseMail({ db: services.db }, payload.caseId, payload.kind, services.publicUrl);
    if (mail)
      await services.mailer.send({
        ...mail,
        messageId: jobMessageId(context.jobId, new URL(services.publicUrl).hostname || 'indgang'),
      });
  },
});
