import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

/**
 * Board meetings: a date, members and an agenda of pilots; the decision recorded for a pilot in
 * the meeting is kept on its agenda line, so the meeting's page is its minutes. (The line points
 * at the decision rather than the decision at the meeting: the decision table stays as it is.)
 */
export class BoardMeetings1763856000025 implements MigrationInterface {
  name = 'BoardMeetings1763856000025';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'board_meeting',
        columns: [
          idColumn(),
          { name: 'held_on', type: 'date' },
          { name: 'members', type: 'text' },
          { name: 'created_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'created_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'board_meeting',
      new TableIndex({ name: 'board_meeting_held_on_idx', columnNames: ['held_on'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'board_meeting_item',
        columns: [
          idColumn(),
          { name: 'meeting_id', type: 'integer' },
          { name: 'pilot_id', type: 'integer' },
          { name: 'position', type: 'integer' },
          { name: 'decision_id', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'board_meeting_item_meeting_fkey',
            columnNames: ['meeting_id'],
            referencedTableName: 'board_meeting',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'board_meeting_item_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'board_meeting_item_decision_fkey',
            columnNames: ['decision_id'],
            referencedTableName: 'decision',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'board_meeting_item',
      new TableIndex({
        name: 'board_meeting_item_key',
        columnNames: ['meeting_id', 'pilot_id'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('board_meeting_item', 'board_meeting_item_key');
    await queryRunner.dropTable('board_meeting_item');
    await queryRunner.dropIndex('board_meeting', 'board_meeting_held_on_idx');
    await queryRunner.dropTable('board_meeting');
  }
}
