import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** Plain text. */
  text: string;
}

/** Sends one email; rejects when it was not accepted. */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** Injection token of the mailer: SMTP when `SMTP_URL` is set, the log otherwise. */
export const MAILER = Symbol('MAILER');

/** Delivers through the SMTP server of `SMTP_URL`, one connection per email, with bounded timeouts. */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(url: string, from: string) {
    // the URL may carry nodemailer's own options (`?tls.rejectUnauthorized=false`); the timeouts
    // keep a send well inside the sender's lease, so that no other node takes the email meanwhile
    this.transport = createTransport(
      { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from },
    );
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({ to: email.to, subject: email.subject, text: email.text });
  }

  close(): void {
    this.transport.close();
  }
}

/** Without SMTP: each email is one log line (recipient and subject) and counts as sent. */
export class LogMailer implements Mailer {
  readonly kind = 'log' as const;
  private readonly logger = new Logger('Email');

  send(email: OutgoingEmail): Promise<void> {
    this.logger.log(`email to ${email.to}: ${email.subject}`);
    return Promise.resolve();
  }

  close(): void {
    // nothing to close
  }
}
