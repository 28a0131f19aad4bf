import { z } from 'zod';
import { callConnector } from '../connectors/callConnector';
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
    if (!mail) return;
    const messageId = jobMessageId(context.jobId, new URL(services.publicUrl).hostname || 'indgang');
    const send = () => services.mailer.send({ ...mail, messageId });
    // Mail is a connector like the others (its calls on the operations page); with no mail server
    // configured the mailer writes to the log that the mail was not sent, as it always has.
    if (services.connectors.modes.mail === 'off') await send();
    else
      await callConnector(
        services,
        'mail',
        'send',
        { key: messageId, signal: context.signal, caseId: payload.caseId, jobId: context.jobId },
        send,
      );
  },
});
