import type { Transporter } from 'nodemailer';
import type { Logger } from '../log';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe for notifications. */
  headers?: Record<string, string>;
}

export interface SentMail extends OutgoingMail {
  from: string;
  at: string;
}

export interface Mailer {
  /** Sends one mail; rejects when the SMTP server refuses it (callers decide whether that matters). */
  send(mail: OutgoingMail): Promise<void>;
  /** The last mails written instead of sent (no SMTP_URL, not production); null when there is none. */
  outbox: SentMail[] | null;
  close(): void;
}

const OUTBOX_SIZE = 200;

/**
 * Mail through nodemailer to `SMTP_URL`. Without it mails are written to the log, and
 * outside production also kept in a small in-memory outbox that `/dev/outbox` shows, so
 * an invite or reset link can be followed on a laptop without any mail server.
 */
export function createMailer(opts: { smtpUrl: string | undefined; from: string; production: boolean; log: Logger }): Mailer {
  if (opts.smtpUrl) {
    const smtpUrl = opts.smtpUrl;
    // Loaded at the first mail: a server that sends none never holds nodemailer in memory.
    let transport: Promise<Transporter> | null = null;
    return {
      outbox: null,
      async send(mail) {
        transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
        await (await transport).sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
        opts.log.info({ event: 'mail.sent', subject: mail.subject }, 'mail sent');
      },
      close: () => void transport?.then((t) => t.close()),
    };
  }
  const outbox: SentMail[] | null = opts.production ? null : [];
  return {
    outbox,
    async send(mail) {
      // Without SMTP the log is the only place a mail exists; outside production it shows the whole text.
      opts.log.info(
        { event: 'mail.logged', to: mail.to, subject: mail.subject, ...(opts.production ? {} : { text: mail.text }) },
        'mail not sent (no SMTP_URL)',
      );
      if (!outbox) return;
      outbox.push({ ...mail, from: opts.from, at: new Date().toISOString() });
      if (outbox.length > OUTBOX_SIZE) outbox.shift();
    },
    close: () => {},
  };
}
