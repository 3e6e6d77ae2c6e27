import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../accounts/user.entity';
import type { ReminderKind } from './reminder-kinds';

/** `none`: not to be e-mailed; `pending` until sent; `sent`; `failed` after the last attempt. */
export type MailState = 'none' | 'pending' | 'sent' | 'failed';

/**
 * A reminder given to one person: in the app (the bell), by e-mail, or both. The unique key
 * (person, kind, subject, period) makes it once only, whichever app instance makes it first.
 */
@Entity('notification')
@Index('notification_once_key', ['userId', 'kind', 'subjectKey', 'period'], { unique: true })
@Index('notification_user_idx', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_user_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  kind: ReminderKind;

  /** What it is about: `pilot:12`, `meeting:3`, `condition:7`, `signoff:5`. */
  @Column({ name: 'subject_key', type: 'varchar', length: 60 })
  subjectKey: string;

  /** Which time it is about: the month without results, the review date, … */
  @Column({ type: 'varchar', length: 20 })
  period: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** The page to act on, from the app's root (`/pilots/x/results/2026-11`). */
  @Column({ type: 'varchar', length: 300 })
  link: string;

  /** Shown under the bell (the person chose in-app reminders of this kind). */
  @Column({ name: 'in_app', type: 'boolean' })
  inApp: boolean;

  @Index('notification_mail_idx')
  @Column({ name: 'mail_state', type: 'varchar', length: 10 })
  mailState: MailState;

  @Column({ name: 'mail_attempts', type: 'integer', default: 0 })
  mailAttempts: number;

  @Column({ name: 'mail_error', type: 'varchar', length: 300, nullable: true })
  mailError: string | null;

  /** Set by the instance sending the e-mail, so that no other sends it too. */
  @Column({ name: 'mail_claimed_at', type: Date, nullable: true })
  mailClaimedAt: Date | null;

  @Column({ name: 'emailed_at', type: Date, nullable: true })
  emailedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'read_at', type: Date, nullable: true })
  readAt: Date | null;
}

/** A person's choice for one kind of reminder; without a row, both ways are on. */
@Entity('reminder_preference')
export class ReminderPreference {
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'reminder_preference_user_fkey' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind: ReminderKind;

  @Column({ name: 'in_app', type: 'boolean' })
  inApp: boolean;

  @Column({ type: 'boolean' })
  email: boolean;
}
