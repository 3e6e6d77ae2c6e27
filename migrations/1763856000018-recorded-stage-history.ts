import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { timestampColumn } from './helpers';

/**
 * Stage changes from before the app: the row's `changed_at` is the month it happened, and who
 * entered it afterwards, and when, are kept beside it. Null on every move made in the app.
 */
export class RecordedStageHistory1763856000018 implements MigrationInterface {
  name = 'RecordedStageHistory1763856000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('pilot_stage_change', [
      new TableColumn({ name: 'recorded_by', type: 'varchar', length: '120', isNullable: true }),
      new TableColumn(timestampColumn(queryRunner, 'recorded_at', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('pilot_stage_change', 'recorded_at');
    await queryRunner.dropColumn('pilot_stage_change', 'recorded_by');
  }
}
