/**
 * SMTP through nodemailer (issue 8 item 8): `SMTP_URL` (`smtp://user:pass@host:587`,
 * `smtps://…:465`) names the server. With none configured there is no transport: e-mails are only
 * recorded, and the Outbox screen shows what would have been sent.
 */
import nodemailer from 'nodemailer';
import type { MailMessage, MailSend } from '#services/notifications/deliver-email';

/** A sender over the SMTP server at `url`, and a way to close its connections. */
export function smtpSender(url: string, timeoutMs = 30_000): { send: MailSend; close: () => void } {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    send: async (m: MailMessage) => {
      await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
        headers: m.headers,
      });
    },
    close: () => transport.close(),
  };
}
