import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

// The business case's inputs (business-case.md): the plan, cost rates, discount rate,
// monthly results per pilot and per affected channel (history and actuals), investments.
// Money is integer cents (bigint); shares are integer basis points (1 % = 100).
export class CreateBusinessCaseTables1763856000005 implements MigrationInterface {
  name = 'CreateBusinessCaseTables1763856000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    const fk = (table: string, column: string, target: string, onDelete?: string) =>
      new TableForeignKey({
        name: `${table}_${column.replace(/_id$/, '')}_fkey`,
        columnNames: [column],
        referencedTableName: target,
        referencedColumnNames: ['id'],
        onDelete,
      });
    const cents = (name: string, nullable = true) => ({
      name,
      type: 'bigint',
      isNullable: nullable,
    });
    const int = (name: string, nullable = true) => ({
      name,
      type: 'integer',
      isNullable: nullable,
    });

    await queryRunner.addColumn(
      'pilot',
      new TableColumn({ name: 'start_month', type: 'varchar', length: '7', isNullable: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pilot_plan',
        columns: [
          idColumn(),
          int('pilot_id', false),
          int('expected_monthly_contacts'),
          cents('investment_cents'),
          cents('monthly_fixed_cost_cents'),
          cents('variable_cost_per_contact_cents'),
          cents('expected_monthly_margin_cents'),
          int('horizon_months', false),
          int('coverage_bp'),
          cents('fixed_cost_at_scale_cents'),
          int('min_monthly_volume'),
          int('target_csat'),
          int('target_fcr'),
          int('target_response_seconds'),
          int('version', false),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [fk('pilot_plan', 'pilot_id', 'pilot', 'CASCADE')],
      }),
    );
    await queryRunner.createIndex(
      'pilot_plan',
      new TableIndex({ name: 'pilot_plan_pilot_key', columnNames: ['pilot_id'], isUnique: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'plan_channel_share',
        columns: [
          int('pilot_id', false),
          int('channel_id', false),
          int('share_bp', false),
          { name: 'baseline_method', type: 'varchar', length: '10', isNullable: true },
        ],
        foreignKeys: [
          fk('plan_channel_share', 'pilot_id', 'pilot', 'CASCADE'),
          fk('plan_channel_share', 'channel_id', 'channel'),
        ],
      }),
    );
    await queryRunner.createPrimaryKey(
      'plan_channel_share',
      ['pilot_id', 'channel_id'],
      'plan_channel_share_pkey',
    );

    await queryRunner.createTable(
      new Table({
        name: 'cost_rate',
        columns: [
          idColumn(),
          int('channel_id', false),
          { name: 'effective_from', type: 'varchar', length: '7' },
          cents('cents_per_contact', false),
          { name: 'set_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'set_at'),
        ],
        foreignKeys: [fk('cost_rate', 'channel_id', 'channel')],
      }),
    );
    await queryRunner.createIndex(
      'cost_rate',
      new TableIndex({
        name: 'cost_rate_channel_month_key',
        columnNames: ['channel_id', 'effective_from'],
        isUnique: true,
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'discount_rate',
        columns: [
          idColumn(),
          { name: 'effective_from', type: 'varchar', length: '7' },
          int('rate_bp', false),
          { name: 'set_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'set_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'discount_rate',
      new TableIndex({
        name: 'discount_rate_month_key',
        columnNames: ['effective_from'],
        isUnique: true,
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'monthly_result',
        columns: [
          idColumn(),
          int('pilot_id', false),
          { name: 'month', type: 'varchar', length: '7' },
          int('contacts'),
          int('resolved'),
          cents('fixed_cost_cents'),
          cents('margin_cents'),
          int('csat'),
          int('fcr'),
          int('response_seconds'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [fk('monthly_result', 'pilot_id', 'pilot', 'CASCADE')],
      }),
    );
    await queryRunner.createIndex(
      'monthly_result',
      new TableIndex({
        name: 'monthly_result_pilot_month_key',
        columnNames: ['pilot_id', 'month'],
        isUnique: true,
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'channel_result',
        columns: [
          idColumn(),
          int('pilot_id', false),
          { name: 'month', type: 'varchar', length: '7' },
          int('channel_id', false),
          int('volume'),
          int('follow_ups'),
          int('control_volume'),
          int('desired'),
          int('undesired'),
          int('unnecessary'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [
          fk('channel_result', 'pilot_id', 'pilot', 'CASCADE'),
          fk('channel_result', 'channel_id', 'channel'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'channel_result',
      new TableIndex({
        name: 'channel_result_pilot_month_channel_key',
        columnNames: ['pilot_id', 'month', 'channel_id'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'channel_result',
      new TableIndex({ name: 'channel_result_channel_idx', columnNames: ['channel_id'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'investment',
        columns: [
          idColumn(),
          int('pilot_id', false),
          { name: 'invested_on', type: 'date' },
          cents('amount_cents', false),
          { name: 'description', type: 'varchar', length: '200' },
          { name: 'created_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'created_at'),
        ],
        foreignKeys: [fk('investment', 'pilot_id', 'pilot', 'CASCADE')],
      }),
    );
    await queryRunner.createIndex(
      'investment',
      new TableIndex({ name: 'investment_pilot_idx', columnNames: ['pilot_id', 'invested_on'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'investment',
      'channel_result',
      'monthly_result',
      'discount_rate',
      'cost_rate',
      'plan_channel_share',
      'pilot_plan',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropColumn('pilot', 'start_month');
  }
}
