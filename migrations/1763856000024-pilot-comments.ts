import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

/** Comments on a pilot by its owner, the board or finance, kept with it (never edited). */
export class PilotComments1763856000024 implements MigrationInterface {
  name = 'PilotComments1763856000024';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'pilot_comment',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'author_user_id', type: 'integer' },
          { name: 'author_label', type: 'varchar', length: '200' },
          { name: 'text', type: 'text' },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'pilot_comment_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'pilot_comment_author_fkey',
            columnNames: ['author_user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'pilot_comment',
      new TableIndex({ name: 'pilot_comment_pilot_idx', columnNames: ['pilot_id', 'created_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('pilot_comment', 'pilot_comment_pilot_idx');
    await queryRunner.dropTable('pilot_comment');
  }
}
