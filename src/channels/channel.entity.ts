import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerMethod } from './channel-total-rules';

/** An existing contact channel of the organisation, which a pilot may relieve. */
@Entity('channel')
export class Channel {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('channel_key_key', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @Index('channel_name_key', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer' })
  version: number;

  /** The organisation baseline's pinned method in the channel ledger; null: trend, else mean. */
  @Column({ name: 'ledger_method', type: 'varchar', length: 10, nullable: true })
  ledgerMethod: LedgerMethod | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
