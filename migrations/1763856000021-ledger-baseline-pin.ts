import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The channel ledger's organisation baseline may be pinned per channel (channel-ledger.md: `trend`,
 * else `mean`; a method may be pinned per channel). Null: the default order.
 */
export class LedgerBaselinePin1763856000021 implements MigrationInterface {
  name = 'LedgerBaselinePin1763856000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'channel',
      new TableColumn({ name: 'ledger_method', type: 'varchar', length: '10', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('channel', 'ledger_method');
  }
}
