import { t } from '../i18n/translate';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { DataSource, LessThan } from 'typeorm';
import { DomainError, STATUS_BY_CODE } from '../common/domain-error';
import { problemOf } from '../common/error-page';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isUniqueViolation } from '../database/unique-violation';
import { BOOKKEEPING, Writer } from '../database/writer.service';
import { IdempotentRequest } from './api-limits.entity';

/** How long an Idempotency-Key is remembered: a client retries within minutes, not days. */
const KEY_KEPT_MS = 24 * 3600_000;

export interface Answer {
  status: number;
  body: unknown;
}

/**
 * The API's limits, kept in the database so that several app instances behind one load balancer
 * count and remember together: requests per token per minute, and the answers to requests sent
 * with an Idempotency-Key.
 */
@Injectable()
export class ApiLimitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts this request against its token's minute; beyond the limit a 429 with the seconds to
   * wait. One upsert per request; the first request of a minute clears the token's older minutes.
   */
  async count(tokenId: number, now = Date.now()): Promise<void> {
    const minute = Math.floor(now / 60_000);
    const postgres = this.dataSource.options.type === 'postgres';
    const [p1, p2] = postgres ? ['$1', '$2'] : ['?', '?'];
    const count = await this.writer.write(async (em) => {
      const rows = (await em.query(
        `INSERT INTO api_request_count (token_id, window_start, count) VALUES (${p1}, ${p2}, 1)
         ON CONFLICT (token_id, window_start) DO UPDATE SET count = api_request_count.count + 1
         RETURNING count`,
        [tokenId, minute],
      )) as Array<{ count: number | string }>;
      const made = Number(rows[0].count);
      if (made === 1)
        await em.query(
          `DELETE FROM api_request_count WHERE token_id = ${p1} AND window_start < ${p2}`,
          [tokenId, minute],
        );
      return made;
    }, BOOKKEEPING);
    if (count > this.config.apiRateLimit)
      throw new RateLimited(Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000)));
  }

  /**
   * Runs `work` once per Idempotency-Key of a holder: a retry of the same request gets the first
   * answer (a refusal included) without running again; the key with another request is refused
   * (422), and a retry while the first is still at work is told so (409). Without a key, `work`
   * just runs. An unexpected failure forgets the key, so that the retry runs.
   */
  async once(req: Request, work: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
    const header = req.headers['idempotency-key'];
    if (header === undefined) return { ...(await work()), replayed: false };
    const key = typeof header === 'string' ? header.trim() : '';
    if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
      throw new DomainError('bad_request', t('api.idempotencyUnusable'), {
        'Idempotency-Key': ['One key of 1 to 200 visible ASCII characters, such as a UUID.'],
      });
    const holder = req.tokenId !== undefined ? `token:${req.tokenId}` : `user:${req.user!.id}`;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([req.method, req.originalUrl, req.body ?? null]))
      .digest('hex');

    const claim = await this.claim(holder, key, fingerprint);
    if ('replay' in claim) return { ...claim.replay, replayed: true };
    let answer: Answer;
    try {
      answer = await work();
    } catch (error) {
      if (!(error instanceof DomainError) || STATUS_BY_CODE[error.code] >= 500) {
        await this.writer.write(
          (em) => em.delete(IdempotentRequest, { id: claim.id }),
          BOOKKEEPING,
        );
        throw error;
      }
      const status = STATUS_BY_CODE[error.code];
      const fields = Object.keys(error.fieldErrors).length ? error.fieldErrors : undefined;
      await this.keep(claim.id, status, problemOf(req, status, error.message, { fields }));
      throw error;
    }
    await this.keep(claim.id, answer.status, answer.body);
    return { ...answer, replayed: false };
  }

  private async claim(
    holder: string,
    key: string,
    fingerprint: string,
  ): Promise<{ id: number } | { replay: Answer }> {
    const now = new Date();
    try {
      return await this.writer.write(async (em) => {
        await em.delete(IdempotentRequest, {
          createdAt: LessThan(new Date(now.getTime() - KEY_KEPT_MS)),
        });
        const inserted = await em.insert(IdempotentRequest, {
          holder,
          key,
          fingerprint,
          status: null,
          body: null,
          createdAt: now,
        });
        return { id: Number(inserted.identifiers[0].id) };
      }, BOOKKEEPING);
    } catch (error) {
      if (!isUniqueViolation(error, 'idempotent_request_key', 'idempotent_request', 'holder'))
        throw error;
    }
    const first = await this.dataSource.getRepository(IdempotentRequest).findOneBy({ holder, key });
    if (first?.fingerprint !== fingerprint)
      throw new DomainError('validation', t('api.idempotencyReused'), {
        'Idempotency-Key': [
          'A key names one request: the same method, path and body. Use a new key for a new request.',
        ],
      });
    if (first.status === null || first.body === null)
      throw new DomainError(
        'conflict',
        'The first request with this Idempotency-Key is still at work. Retry once it has answered.',
      );
    return { replay: { status: first.status, body: JSON.parse(first.body) as unknown } };
  }

  private keep(id: number, status: number, body: unknown): Promise<unknown> {
    return this.writer.write(
      (em) => em.update(IdempotentRequest, { id }, { status, body: JSON.stringify(body) }),
      BOOKKEEPING,
    );
  }
}

/** Too many requests this minute: the exception filter adds Retry-After. */
export class RateLimited extends DomainError {
  constructor(retryAfter: number) {
    super(
      'too_many',
      `This token has made more requests this minute than the limit allows. Try again in ${retryAfter} s.`,
      {},
      retryAfter,
    );
  }
}
