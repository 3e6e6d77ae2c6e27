import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../i18n/language';
import type { Role } from './permissions';

const roleList = {
  to: (value: Role[]) => value.join(','),
  from: (value: string | null) => (value ? (value.split(',') as Role[]) : []),
};

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('increment')
  id: number;

  /** Lower-cased; the sign-in name. */
  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** argon2id; never the password itself. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 100, transformer: roleList })
  roles: Role[];

  @Column({ type: 'boolean' })
  active: boolean;

  /** The interface language the person chose; null: their browser's, else the default. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: Language | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}

@Entity('sign_in_attempt')
@Index('sign_in_attempt_email_idx', ['email', 'at'])
@Index('sign_in_attempt_ip_idx', ['ip', 'at'])
@Index('sign_in_attempt_at_idx', ['at'])
export class SignInAttempt {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'varchar', length: 200 })
  email: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Column()
  at: Date;
}
