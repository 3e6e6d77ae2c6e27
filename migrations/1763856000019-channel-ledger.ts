import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

/**
 * The channel ledger (channel-ledger.md): the organisation's own monthly totals per existing
 * channel, and each pilot's scope on each channel it relieves. Existing pilots' scopes start as
 * "segment, not described", which the plan page then asks for.
 */
export class ChannelLedger1763856000019 implements MigrationInterface {
  name = 'ChannelLedger1763856000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    const count = (name: string, nullable = true) => ({
      name,
      type: 'integer',
      isNullable: nullable,
    });
    await queryRunner.createTable(
      new Table({
        name: 'channel_total',
        columns: [
          idColumn(),
          count('channel_id', false),
          { name: 'month', type: 'varchar', length: '7' },
          count('volume', false),
          count('desired'),
          count('undesired'),
          count('unnecessary'),
          { name: 'updated_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'channel_total_channel_fkey',
            columnNames: ['channel_id'],
            referencedTableName: 'channel',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'channel_total',
      new TableIndex({
        name: 'channel_total_channel_month_key',
        columnNames: ['channel_id', 'month'],
        isUnique: true,
      }),
    );
    await queryRunner.addColumns('plan_channel_share', [
      new TableColumn({
        name: 'scope',
        type: 'varchar',
        length: '10',
        isNullable: false,
        default: "'segment'",
      }),
      new TableColumn({ name: 'scope_description', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('plan_channel_share', 'scope_description');
    await queryRunner.dropColumn('plan_channel_share', 'scope');
    await queryRunner.dropIndex('channel_total', 'channel_total_channel_month_key');
    await queryRunner.dropTable('channel_total');
  }
}
