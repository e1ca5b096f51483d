import nodemailer from 'nodemailer';
import type { MailTransport } from './comments/notifications.js';

/**
 * The mail server at `smtpUrl` (a nodemailer transport URL), sending as `from`, never waiting without a bound:
 * `timeoutMs` to connect and to be greeted, 3× that for any silence in the conversation.
 */
export function createMailTransport(smtpUrl: string, from: string, timeoutMs: number): MailTransport {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 3 * timeoutMs,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
        // Names and texts are only ever in the subject and the bodies, never in an address header.
        disableUrlAccess: true,
        disableFileAccess: true,
      });
    },
    close: () => transport.close(),
  };
}
