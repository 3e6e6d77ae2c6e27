import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Mailer } from './mailer';
import { RemindersService } from './reminders.service';

/** The first e-mails this long after start-up: the reminders themselves are made at start. */
const FIRST_MAIL_MS = 5_000;

/**
 * Runs the reminders every REMINDER_INTERVAL_MINUTES on every instance. It keeps nothing in
 * memory: what is due is read from the data, what was sent from the notifications, so a restart
 * or a second instance neither loses nor doubles a reminder.
 */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    private readonly reminders: RemindersService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Makes what is due before the app serves (a restart catches up at once, and the bell is right
   * from the first page); e-mail, which may wait on a slow server, follows off the start-up path.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.reminders.enabled) return;
    try {
      await this.reminders.makeDue();
    } catch (error) {
      this.logger.error(`The reminders did not run at start-up: ${String(error)}`);
    }
    const every = this.config.reminders.intervalMinutes * 60_000;
    // unref: a timer alone does not keep the process (the command line, say) alive.
    this.timers = [
      setTimeout(() => void this.tick(), FIRST_MAIL_MS),
      setInterval(() => void this.tick(), every),
    ];
    for (const timer of this.timers) timer.unref();
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.mailer.close();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.reminders.run();
    } catch (error) {
      this.logger.error(`The reminders did not run: ${String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
