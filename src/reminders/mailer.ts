import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through the SMTP server of SMTP_URL; off (null) when it is not set. */
@Injectable()
export class Mailer {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.reminders.smtpUrl !== null;
  }

  async send(mail: Mail): Promise<void> {
    const { smtpUrl, mailFrom } = this.config.reminders;
    if (!smtpUrl) throw new Error('No SMTP_URL is set.');
    this.transport ??= createTransport(smtpUrl);
    await this.transport.sendMail({ from: mailFrom!, ...mail });
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
