import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '@indgang/domain';

/** Mail through the municipality's SMTP server; without SMTP_URL each mail is logged instead. */
export function createMailer(
  smtpUrl: string | undefined,
  from: string,
  log: Pick<FastifyBaseLogger, 'info'>,
): Mailer {
  if (!smtpUrl) {
    return {
      async send(message) {
        log.info({ mail: { subject: message.subject } }, 'mail not sent: SMTP_URL is not set');
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
      });
    },
  };
}
