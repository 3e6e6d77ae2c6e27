import { updateIfUnchanged } from '../database/update-if-unchanged';
import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { DataSource, MoreThan } from 'typeorm';
import { diffFields } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DatabaseSessionStore } from '../sessions/database-session.store';
import { DomainError, FieldErrors } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import { Role, ROLES } from './permissions';
import { SignInAttempt, User } from './user.entity';

/** Failed sign-ins per e-mail address within the window before further attempts are refused. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export interface NewUser {
  email: string;
  name: string;
  password: string;
  roles: Role[];
}

/** Checks a new account's fields; the messages go beside the form fields. */
export function userErrors(input: NewUser): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+$/.test(input.email) || input.email.length > 200)
    errors.email = ['Give a valid e-mail address.'];
  if (input.name.trim().length < 2 || input.name.length > 120)
    errors.name = ['The name must be 2 to 120 characters.'];
  if (input.password.length < 12 || input.password.length > 200)
    errors.password = ['The password must be 12 to 200 characters.'];
  if (!input.roles.length || input.roles.some((r) => !ROLES.includes(r)))
    errors.roles = [`Give one or more roles of: ${ROLES.join(', ')}.`];
  return errors;
}

@Injectable()
export class AccountsService {
  private readonly dummyHash = hash(randomBytes(16).toString('hex'));

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly sessions: DatabaseSessionStore,
  ) {}

  find(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { name: 'ASC' } });
  }

  async create(input: NewUser, actor: string): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const errors = userErrors({ ...input, email });
    if (Object.keys(errors).length)
      throw new DomainError('validation', 'Please correct the fields marked below.', errors);
    const passwordHash = await hash(input.password);
    return this.writer.write(async (em) => {
      if (await em.findOneBy(User, { email }))
        throw DomainError.field('email', `There is already an account for ${email}.`);
      const now = new Date();
      const user = await em.save(
        em.create(User, {
          email,
          name: input.name.trim(),
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
    });
  }

  /** Changes a user's name, roles or active flag; deactivating ends their sessions at once. */
  async update(
    id: number,
    body: Record<string, unknown>,
    actor: string,
    actorId: number,
  ): Promise<User> {
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const roles = [body.roles].flat().filter((r): r is Role => ROLES.includes(r as Role));
    const active = body.active === 'on';
    const errors: FieldErrors = {};
    if (name.length < 2 || name.length > 120)
      errors.name = ['The name must be 2 to 120 characters.'];
    if (!roles.length) errors.roles = ['Give the account at least one role.'];
    if (id === actorId && (!active || !roles.includes('admin'))) {
      errors.roles = [
        'You cannot take away your own admin role or deactivate yourself; ask another admin.',
      ];
    }
    if (Object.keys(errors).length)
      throw new DomainError('validation', 'Please correct the fields marked below.', errors);
    const user = await this.writer.write(async (em) => {
      const existing = await em.findOneBy(User, { id });
      if (!existing) throw DomainError.notFound('That account');
      if (existing.version !== Number(body.version)) {
        throw new DomainError(
          'conflict',
          'Someone else changed this account after you opened the page; reload and try again.',
        );
      }
      const next = { name, roles, active };
      const changes = diffFields(existing, next, ['name', 'roles', 'active']);
      if (!changes.length) return existing;
      const now = new Date();
      if (!(await updateIfUnchanged(em, User, existing, { ...next, updatedAt: now })))
        throw new DomainError(
          'conflict',
          'Someone else changed this account after you opened the page; reload and try again.',
        );
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
   * The user whose e-mail and password match, or a refusal. After MAX_FAILED_SIGN_INS failures
   * for an address within the window, even the right password is refused until it passes; the
   * attempts are counted in the database, so every instance sees them.
   */
  async signIn(emailInput: string, password: string, ip: string): Promise<User> {
    const email = emailInput.trim().toLowerCase().slice(0, 200);
    const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
    const failures = await this.dataSource
      .getRepository(SignInAttempt)
      .countBy({ email, succeeded: false, at: MoreThan(since) });
    if (failures >= MAX_FAILED_SIGN_INS) {
      throw new DomainError(
        'too_many',
        'Too many failed sign-ins for this address. Wait fifteen minutes and try again.',
      );
    }
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
    await this.writer.write((em) =>
      em.insert(SignInAttempt, { email, ip: ip.slice(0, 64), succeeded, at: new Date() }),
    );
    if (!succeeded)
      throw new DomainError(
        'validation',
        'The e-mail address or password is not right, or the account is deactivated.',
        { email: [''] },
      );
    return user as User;
  }
}
