import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('session')
export class SessionRecord {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id: string;

  @Index('session_expires_idx')
  @Column({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'text' })
  data: string;

  @Index('session_user_idx')
  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId: number | null;
}
