import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An item of the readiness checklist template (admins add items and mark them critical). */
@Entity('readiness_item')
export class ReadinessItem {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'boolean' })
  critical: boolean;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
