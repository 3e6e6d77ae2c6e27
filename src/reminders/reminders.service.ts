import { say } from '../common/phrase';
import { defaultLanguage, inLanguage } from '../i18n/language';
import { tIn } from '../i18n/translate';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { BusinessCaseService } from '../business-case/business-case.service';
import { SignoffsService } from '../business-case/signoffs.service';
import { todayIso } from '../common/dates';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isUniqueViolation } from '../database/unique-violation';
import { Writer } from '../database/writer.service';
import { DecisionsService } from '../lifecycle/decisions.service';
import { MeetingsService } from '../lifecycle/meetings.service';
import { lastFullMonth } from '../lifecycle/signals';
import { PilotsService } from '../pilots/pilots.service';
import { ResultsService } from '../results/results.service';
import { Mailer } from './mailer';
import { Notification, ReminderPreference } from './notification.entity';
import { REMINDER_KINDS, type ReminderKind } from './reminder-kinds';
import { type DueReminder, dueReminders } from './reminder-rules';

/** An e-mail claimed this long ago and not marked sent is taken to be lost (its sender died). */
const CLAIM_EXPIRES_MS = 10 * 60_000;
/** Attempts before an e-mail is given up (its error stays on the notification). */
const MAIL_ATTEMPTS = 5;

export interface Choice {
  inApp: boolean;
  email: boolean;
}

/**
 * Makes the reminders that are due and sends their e-mails. Safe to run on every instance at
 * once: a reminder is one row under a unique key (person, kind, subject, period), and an e-mail
 * is sent by the instance whose conditional update claimed it.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly mailer: Mailer,
    private readonly accounts: AccountsService,
    private readonly pilots: PilotsService,
    private readonly results: ResultsService,
    private readonly decisions: DecisionsService,
    private readonly meetings: MeetingsService,
    private readonly businessCases: BusinessCaseService,
    private readonly signoffs: SignoffsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One run: what is due today stored once, then the e-mails not sent yet. */
  async run(now = new Date()): Promise<{ made: number; mailed: number }> {
    const made = await this.makeDue(now);
    const mailed = await this.sendMail(now);
    return { made, mailed };
  }

  /** Stores the reminders due today, once each; returns how many are new. */
  async makeDue(now = new Date()): Promise<number> {
    return this.remind(await this.due(todayIso(now)), now);
  }

  async due(today: string): Promise<DueReminder[]> {
    const [users, pilots, withResults, meetings, openConditions, signed] = await Promise.all([
      this.accounts.list(),
      this.pilots.list({}),
      this.results.pilotsWithResults(lastFullMonth(today)),
      this.meetings.list(),
      this.decisions.openConditions(),
      this.signoffs.signedPilotIds(),
    ]);
    const reports = await this.businessCases.reports(pilots.filter((p) => signed.includes(p.id)));
    const statuses = await this.signoffs.statusesOf([...reports.values()]);
    const outdatedSignoffs = [...statuses.values()]
      .flat()
      .filter((status) => status.outdated)
      .map(({ signoff }) => signoff);
    return dueReminders({
      today,
      pilots,
      withResults,
      meetings: meetings.map(({ meeting, pilots: count }) => ({
        id: meeting.id,
        heldOn: meeting.heldOn,
        pilots: count,
      })),
      openConditions,
      outdatedSignoffs,
      users: users.filter((u) => u.active),
    });
  }

  /** Stores each due reminder its person wants, once; returns how many are new. */
  private async remind(due: DueReminder[], now: Date): Promise<number> {
    if (!due.length) return 0;
    const people = [...new Set(due.map((d) => d.userId))];
    const choices = await this.choicesOf(people);
    // Each reminder is worded in its recipient's language: their own choice, else the default.
    const languageOf = new Map(
      (await this.accounts.list()).map((u) => [u.id, u.language ?? defaultLanguage()]),
    );
    // Only the periods due now: the check stays as small as today's reminders, however many
    // were made before.
    const known = await this.dataSource.getRepository(Notification).find({
      select: { userId: true, kind: true, subjectKey: true, period: true },
      where: {
        userId: In(people),
        period: In([...new Set(due.map((d) => d.period))]),
      },
    });
    const key = (n: Pick<DueReminder, 'userId' | 'kind' | 'subjectKey' | 'period'>) =>
      `${n.userId}|${n.kind}|${n.subjectKey}|${n.period}`;
    const seen = new Set(known.map(key));
    let made = 0;
    for (const reminder of due) {
      if (seen.has(key(reminder))) continue;
      // choicesOf gives every kind of every person asked for, the unchosen ones on.
      const choice = choices.get(reminder.userId)!.get(reminder.kind)!;
      if (!choice.inApp && !choice.email) continue;
      const mail = choice.email && this.mailer.enabled;
      try {
        await this.writer.write((em) =>
          em.insert(Notification, {
            ...reminder,
            ...inLanguage(languageOf.get(reminder.userId) ?? defaultLanguage(), () => ({
              title: say(reminder.title),
              body: say(reminder.body),
            })),
            inApp: choice.inApp,
            mailState: mail ? 'pending' : 'none',
            mailAttempts: 0,
            mailError: null,
            mailClaimedAt: null,
            emailedAt: null,
            createdAt: now,
            readAt: null,
          }),
        );
        made += 1;
      } catch (error) {
        // Another instance stored the same reminder first: it is made, once.
        if (!isUniqueViolation(error, 'notification_once_key', 'notification', 'user_id'))
          throw error;
      }
    }
    if (made) this.logger.log(`${made} new reminder${made === 1 ? '' : 's'}`);
    return made;
  }

  /** Sends each pending e-mail this instance can claim; returns how many went out. */
  async sendMail(now = new Date()): Promise<number> {
    if (!this.mailer.enabled) return 0;
    const pending = await this.dataSource.getRepository(Notification).find({
      where: { mailState: 'pending' },
      relations: { user: true },
      order: { id: 'ASC' },
      take: 200,
    });
    let mailed = 0;
    for (const notification of pending) {
      if (!(await this.claim(notification.id, now))) continue;
      try {
        await this.mailer.send({
          to: notification.user!.email,
          subject: notification.title,
          text: `${notification.body}\n\n${this.config.reminders.publicUrl}${notification.link}\n\n${tIn(
            notification.user!.language ?? defaultLanguage(),
            'remind.mailFooter',
            { url: `${this.config.reminders.publicUrl}/account/reminders` },
          )}`,
        });
        await this.writer.write((em) =>
          em.update(
            Notification,
            { id: notification.id },
            { mailState: 'sent', emailedAt: new Date() },
          ),
        );
        mailed += 1;
      } catch (error) {
        const attempts = notification.mailAttempts + 1;
        this.logger.warn(`E-mail of reminder ${notification.id} not sent: ${String(error)}`);
        await this.writer.write((em) =>
          em.update(
            Notification,
            { id: notification.id },
            {
              mailState: attempts >= MAIL_ATTEMPTS ? 'failed' : 'pending',
              mailAttempts: attempts,
              mailError: String((error as Error).message ?? error).slice(0, 300),
              mailClaimedAt: null,
            },
          ),
        );
      }
    }
    return mailed;
  }

  /** Takes the e-mail for this instance, unless another holds a fresh claim on it. */
  private async claim(id: number, now: Date): Promise<boolean> {
    const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS);
    return this.writer.write(async (em) => {
      const free = await em.update(
        Notification,
        { id, mailState: 'pending', mailClaimedAt: IsNull() },
        { mailClaimedAt: now },
      );
      if (free.affected) return true;
      const lost = await em.update(
        Notification,
        { id, mailState: 'pending', mailClaimedAt: LessThan(stale) },
        { mailClaimedAt: now },
      );
      return Boolean(lost.affected);
    });
  }

  /** Each person's choice per kind; a kind without a row is on both ways. */
  async choicesOf(userIds: number[]): Promise<Map<number, Map<ReminderKind, Choice>>> {
    const rows = await this.dataSource
      .getRepository(ReminderPreference)
      .findBy({ userId: In(userIds) });
    const result = new Map<number, Map<ReminderKind, Choice>>();
    for (const id of userIds)
      result.set(id, new Map(REMINDER_KINDS.map((kind) => [kind, { inApp: true, email: true }])));
    for (const row of rows)
      result.get(row.userId)!.set(row.kind, { inApp: row.inApp, email: row.email });
    return result;
  }

  /**
   * Keeps a person's choices: a row per kind that is not on both ways, and only what changed (a
   * form saved unchanged writes nothing).
   */
  async choose(userId: number, choices: Map<ReminderKind, Choice>): Promise<number> {
    return this.writer.write(async (em) => {
      const rows = await em.findBy(ReminderPreference, { userId });
      let changed = 0;
      for (const [kind, choice] of choices) {
        const row = rows.find((r) => r.kind === kind);
        const now = row ?? { inApp: true, email: true };
        if (now.inApp === choice.inApp && now.email === choice.email) continue;
        changed += 1;
        if (choice.inApp && choice.email) await em.delete(ReminderPreference, { userId, kind });
        else if (row) await em.update(ReminderPreference, { userId, kind }, choice);
        else await em.insert(ReminderPreference, { userId, kind, ...choice });
      }
      return changed;
    });
  }

  /** A person's notifications, newest first. */
  list(userId: number, take = 100): Promise<Notification[]> {
    return this.dataSource
      .getRepository(Notification)
      .find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take });
  }

  unread(userId: number): Promise<number> {
    return this.dataSource
      .getRepository(Notification)
      .countBy({ userId, inApp: true, readAt: IsNull() });
  }

  async markRead(userId: number, now = new Date()): Promise<void> {
    await this.writer.write((em) =>
      em.update(Notification, { userId, readAt: IsNull() }, { readAt: now }),
    );
  }
}
