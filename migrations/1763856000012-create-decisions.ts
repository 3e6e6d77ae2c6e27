import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

// Board decisions (never edited; a correction is a new decision that refers to the old one),
// with the snapshot of the criteria and figures they rested on, and their conditions.
export class CreateDecisions1763856000012 implements MigrationInterface {
  name = 'CreateDecisions1763856000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'decision',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'decided_on', type: 'date' },
          { name: 'from_stage', type: 'varchar', length: '30' },
          { name: 'to_stage', type: 'varchar', length: '30' },
          { name: 'outcome', type: 'varchar', length: '10' },
          { name: 'rationale', type: 'text' },
          { name: 'members', type: 'text' },
          { name: 'next_review_date', type: 'date', isNullable: true },
          { name: 'overrides', type: 'text' },
          { name: 'snapshot', type: 'text' },
          { name: 'corrects_id', type: 'integer', isNullable: true },
          { name: 'recorded_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'recorded_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'decision_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'decision_corrects_fkey',
            columnNames: ['corrects_id'],
            referencedTableName: 'decision',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'decision',
      new TableIndex({ name: 'decision_pilot_idx', columnNames: ['pilot_id', 'recorded_at'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'decision_condition',
        columns: [
          idColumn(),
          { name: 'decision_id', type: 'integer' },
          { name: 'pilot_id', type: 'integer' },
          { name: 'text', type: 'text' },
          { name: 'cleared_by', type: 'varchar', length: '120', isNullable: true },
          timestampColumn(queryRunner, 'cleared_at', true),
          { name: 'clear_note', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'decision_condition_decision_fkey',
            columnNames: ['decision_id'],
            referencedTableName: 'decision',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'decision_condition_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'decision_condition',
      new TableIndex({ name: 'decision_condition_pilot_idx', columnNames: ['pilot_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('decision_condition');
    await queryRunner.dropTable('decision');
  }
}
