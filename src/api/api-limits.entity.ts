import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApiToken } from '../accounts/api-token.entity';

/** Requests a token made in one minute (`windowStart`: minutes since 1970), for the rate limit. */
@Entity('api_request_count')
export class ApiRequestCount {
  @PrimaryColumn({ name: 'token_id', type: 'integer' })
  tokenId: number;

  @ManyToOne(() => ApiToken)
  @JoinColumn({ name: 'token_id', foreignKeyConstraintName: 'api_request_count_token_fkey' })
  token?: ApiToken;

  @PrimaryColumn({ name: 'window_start', type: 'integer' })
  windowStart: number;

  @Column({ type: 'integer' })
  count: number;
}

/** A request sent with an Idempotency-Key, and the answer it got (null while it is at work). */
@Entity('idempotent_request')
@Index('idempotent_request_key', ['holder', 'key'], { unique: true })
export class IdempotentRequest {
  @PrimaryGeneratedColumn('increment')
  id: number;

  /** Whose key: `token:<id>`, or `user:<id>` for a signed-in session. */
  @Column({ type: 'varchar', length: 40 })
  holder: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  key: string;

  /** A digest of the method, path, query and body: the same key with another request is refused. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ type: 'integer', nullable: true })
  status: number | null;

  /** The JSON answer as sent. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Index('idempotent_request_created_idx')
  @Column({ name: 'created_at' })
  createdAt: Date;
}
