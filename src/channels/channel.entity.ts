import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
