import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The one row (id 1) whose version every write of data moves on (see the Writer). */
@Entity('data_version')
export class DataVersion {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer', default: 0 })
  version: number;
}
