import { t } from '../i18n/translate';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, LessThan, MoreThan } from 'typeorm';
import { diffFields } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DatabaseSessionStore } from '../sessions/database-session.store';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../database/unique-violation';
import { updateIfUnchanged } from '../database/update-if-unchanged';
import { BOOKKEEPING, Writer } from '../database/writer.service';
import { revokeAllTokens } from './api-tokens.service';
import { SignInAttempt, User } from './user.entity';
import type { Language } from '../i18n/language';
import { NewUserDto, UpdateUserDto } from './dto/user-forms.dto';

/**
 * Failed sign-ins allowed within SIGN_IN_WINDOW_MS before further attempts are refused unchecked.
 * Per address from one client: the guesser's own lock. Per address from any client: higher, so
 * that one client cannot lock someone else out by typing their address. Per client over all
 * addresses: stops trying one password on many accounts. All clients together, per minute:
 * bounds a spread-out attack (and the password hashing it costs), at the price of making
 * everyone wait a minute while it lasts. An attempt counts as failed until its password proves
 * right, so sign-ins in flight at the same moment count too (an office behind one address
 * signing in at nine has room: 50).
 */
export const SIGN_IN_LIMITS = {
  addressFromClient: 5,
  address: 50,
  client: 50,
  everyonePerMinute: 300,
} as const;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Attempts are kept this long (for an administrator looking into an attack), then pruned. */
export const SIGN_IN_KEEP_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class AccountsService implements OnModuleDestroy {
  private readonly dummyHash = hash(randomBytes(16).toString('hex'));
  private readonly pruner = setInterval(
    () => void this.pruneSignInAttempts().catch(() => undefined),
    60 * 60 * 1000,
  ).unref();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly sessions: DatabaseSessionStore,
  ) {}

  onModuleDestroy(): void {
    clearInterval(this.pruner);
  }

  find(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  /** Active channel owners, by name: the accounts a pilot may be handed to. */
  async ownerAccounts(): Promise<User[]> {
    const users = await this.dataSource.getRepository(User).find({
      where: { active: true },
      order: { name: 'ASC' },
    });
    return users.filter((u) => u.roles.includes('owner'));
  }

  /** The account, if it is an active channel owner's (read inside the caller's transaction). */
  async activeOwner(id: number, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    const user = await em.findOneBy(User, { id });
    return user && user.active && user.roles.includes('owner') ? user : null;
  }

  list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { name: 'ASC' } });
  }

  async create(input: NewUserDto, actor: string): Promise<User> {
    const { email } = input;
    const passwordHash = await hash(input.password);
    const taken = () => DomainError.field('email', t('users.taken', { email }));
    return this.writer
      .write(async (em) => {
        if (await em.findOneBy(User, { email })) throw taken();
        const now = new Date();
        const user = await em.save(
          em.create(User, {
            email,
            name: input.name,
            passwordHash,
            roles: input.roles,
            active: true,
            version: 1,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await this.audit.recordChanges(
          em,
          actor,
          { entityType: 'user', entityId: user.id, pilotId: null },
          [
            {
              field: 'account created',
              oldValue: null,
              newValue: `${email} (${input.roles.join(', ')})`,
            },
          ],
        );
        return user;
      })
      .catch((error: unknown) => {
        // Two admins creating the same address at once: the unique index decides.
        throw isUniqueViolation(error, 'app_user_email_key', 'app_user', 'email') ? taken() : error;
      });
  }

  /**
   * The interface language a person chose for themselves (null: their browser's). A setting of
   * their own, not data others see: it moves no data version and is not audited.
   */
  async setLanguage(id: number, language: Language | null): Promise<void> {
    await this.writer.write(
      (em) => em.update(User, { id }, { language }).then(() => undefined),
      BOOKKEEPING,
    );
  }

  /** Changes a user's name, roles or active flag; deactivating ends their sessions at once. */
  async update(id: number, dto: UpdateUserDto, actor: string, actorId: number): Promise<User> {
    const { name, roles, active } = dto;
    if (id === actorId && (!active || !roles.includes('admin'))) {
      throw DomainError.field('roles', t('users.notYourself'));
    }
    const user = await this.writer.write(async (em) => {
      const existing = await em.findOneBy(User, { id });
      if (!existing) throw DomainError.notFound('account');
      if (existing.version !== dto.version) {
        throw new DomainError('conflict', t('users.stale'));
      }
      const next = { name, roles, active };
      const changes = diffFields(existing, next, ['name', 'roles', 'active']);
      if (!changes.length) return existing;
      const now = new Date();
      if (!(await updateIfUnchanged(em, User, existing, { ...next, updatedAt: now })))
        throw new DomainError('conflict', t('users.stale'));
      // A deactivated account's tokens are revoked, not suspended: reactivating it later
      // must not bring back tokens that may have leaked meanwhile.
      if (existing.active && !active) {
        const revoked = await revokeAllTokens(em, id, now);
        if (revoked)
          changes.push({ field: 'API tokens', oldValue: `${revoked} active`, newValue: 'revoked' });
      }
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'user', entityId: id, pilotId: null },
        changes.map((c) => ({ ...c, field: `${existing.email} ${c.field}` })),
        now,
      );
      return { ...existing, ...next };
    });
    if (!user.active) await this.sessions.destroyForUser(id);
    return user;
  }

  /**
   * The user whose e-mail and password match, or a refusal. The attempt is recorded first (as
   * failed until the password proves right) and the limits are counted after, including it:
   * of any number of attempts at once, on any number of instances, only those recorded within
   * the limit have their password checked.
   */
  async signIn(emailInput: string, password: string, ipInput: string): Promise<User> {
    const email = emailInput.trim().toLowerCase().slice(0, 200);
    const ip = ipInput.slice(0, 64);
    const now = new Date();
    // Sign-in attempts are the limit's memory, shown on no page: bookkeeping.
    const attemptId = await this.writer.write(async (em) => {
      const inserted = await em.insert(SignInAttempt, { email, ip, succeeded: false, at: now });
      return (inserted.identifiers[0] as { id: number }).id;
    }, BOOKKEEPING);
    const refusal = await this.signInRefusal(email, ip, now);
    if (refusal) throw new DomainError('too_many', refusal);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    // Verify against a throw-away hash when there is no such user, so timing does not tell.
    const ok = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(
      () => false,
    );
    const succeeded = Boolean(user && ok && user.active);
    if (!succeeded) throw new DomainError('validation', t('signIn.wrong'), { email: [''] });
    await this.writer.write(
      (em) => em.update(SignInAttempt, { id: attemptId }, { succeeded: true }),
      BOOKKEEPING,
    );
    return user as User;
  }

  /** Why this attempt may not be checked (a limit is passed), or null. */
  private async signInRefusal(email: string, ip: string, now: Date): Promise<string | null> {
    const failures = (where: Record<string, unknown>, ms = SIGN_IN_WINDOW_MS) =>
      this.dataSource
        .getRepository(SignInAttempt)
        .countBy({ ...where, succeeded: false, at: MoreThan(new Date(now.getTime() - ms)) });
    const [pair, address, client, everyone] = await Promise.all([
      failures({ email, ip }),
      failures({ email }),
      failures({ ip }),
      failures({}, 60_000),
    ]);
    if (pair > SIGN_IN_LIMITS.addressFromClient || address > SIGN_IN_LIMITS.address)
      return t('signIn.tooManyAddress');
    if (client > SIGN_IN_LIMITS.client) return t('signIn.tooManyNetwork');
    if (everyone > SIGN_IN_LIMITS.everyonePerMinute) return t('signIn.paused');
    return null;
  }

  /** Removes sign-in attempts older than SIGN_IN_KEEP_MS; returns how many. */
  async pruneSignInAttempts(now = new Date()): Promise<number> {
    const result = await this.writer.write(
      (em) => em.delete(SignInAttempt, { at: LessThan(new Date(now.getTime() - SIGN_IN_KEEP_MS)) }),
      BOOKKEEPING,
    );
    return result.affected ?? 0;
  }
}
