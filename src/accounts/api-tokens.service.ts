import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import { ApiToken, type TokenScope } from './api-token.entity';
import { User } from './user.entity';
import type { TokenFormDto } from './dto/token-form.dto';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Personal API tokens: random, shown once, stored as a hash, revocable. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  list(userId: number): Promise<ApiToken[]> {
    return this.dataSource
      .getRepository(ApiToken)
      .find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Creates a token and returns it in clear, the only time it exists outside the user's hands. */
  async create(user: User, dto: TokenFormDto, actor: string, now = new Date()): Promise<string> {
    const { name, validFor: days, scope } = dto;
    const expiresAt = new Date(now.getTime() + days * 86_400_000);
    // 256 random bits: a fast hash is enough, nothing to guess.
    const token = `cpt_${randomBytes(32).toString('base64url')}`;
    await this.writer.write(async (em) => {
      const saved = await em.save(
        em.create(ApiToken, {
          userId: user.id,
          name,
          tokenHash: sha256(token),
          prefix: token.slice(0, 10),
          scope,
          createdAt: now,
          expiresAt,
          lastUsedAt: null,
          revokedAt: null,
        }),
      );
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'user', entityId: user.id, pilotId: null },
        [
          {
            field: `${user.email} API token`,
            oldValue: null,
            newValue: `${name} (${saved.prefix}…), ${scope === 'write' ? 'read and write' : 'read only'}, valid until ${expiresAt.toISOString().slice(0, 10)}`,
          },
        ],
      );
    });
    return token;
  }

  revoke(user: User, id: number, actor: string): Promise<void> {
    return this.writer.write(async (em) => {
      const token = await em.findOneBy(ApiToken, { id, userId: user.id, revokedAt: IsNull() });
      if (!token) throw DomainError.notFound('token');
      await em.update(ApiToken, { id }, { revokedAt: new Date() });
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'user', entityId: user.id, pilotId: null },
        [
          {
            field: `${user.email} API token`,
            oldValue: `${token.name} (${token.prefix}…)`,
            newValue: 'revoked',
          },
        ],
      );
    });
  }

  /** The active user behind a token and what the token may do, or null. */
  async userFor(token: string): Promise<{ user: User; scope: TokenScope; tokenId: number } | null> {
    const found = await this.dataSource.getRepository(ApiToken).findOne({
      where: { tokenHash: sha256(token), revokedAt: IsNull() },
      relations: { user: true },
    });
    if (!found?.user?.active) return null;
    if (!found.expiresAt || found.expiresAt.getTime() <= Date.now()) return null;
    // Record the use, at most every five minutes, so the owner sees which tokens are alive.
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 5 * 60_000) {
      await this.writer.write((em) =>
        em.update(ApiToken, { id: found.id }, { lastUsedAt: new Date() }),
      );
    }
    return { user: found.user, scope: found.scope, tokenId: found.id };
  }
}

/** Revokes every live token of a user, inside the caller's transaction (deactivation). */
export async function revokeAllTokens(
  em: EntityManager,
  userId: number,
  at: Date,
): Promise<number> {
  const result = await em.update(ApiToken, { userId, revokedAt: IsNull() }, { revokedAt: at });
  return result.affected ?? 0;
}
