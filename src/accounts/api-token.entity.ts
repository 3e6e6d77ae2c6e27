import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A personal API token; only its SHA-256 hash is kept. */
@Entity('api_token')
export class ApiToken {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('api_token_user_idx')
  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'api_token_user_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Index('api_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64, select: false })
  tokenHash: string;

  /** The first characters, so the owner can tell tokens apart. */
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  /** `read`: GET only; `write`: also the API's writing routes, within the holder's roles. */
  @Column({ type: 'varchar', length: 5, default: 'read' })
  scope: TokenScope;

  @Column({ name: 'created_at' })
  createdAt: Date;

  /** When the token stops working. Always set; the column allows null only for old rows. */
  @Column({ name: 'expires_at', type: Date, nullable: true })
  expiresAt: Date;

  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt: Date | null;
}
