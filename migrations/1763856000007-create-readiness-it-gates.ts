import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

// Process readiness (template and per pilot), IT commitment with its integration items, the
// gate thresholds, and the board's acceptance of a strategy-fit conflict (lifecycle.md).
export class CreateReadinessItGates1763856000007 implements MigrationInterface {
  name = 'CreateReadinessItGates1763856000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pilotFk = (table: string) =>
      new TableForeignKey({
        name: `${table}_pilot_fkey`,
        columnNames: ['pilot_id'],
        referencedTableName: 'pilot',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      });

    await queryRunner.createTable(
      new Table({
        name: 'readiness_item',
        columns: [
          idColumn(),
          { name: 'position', type: 'integer' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'critical', type: 'boolean' },
          { name: 'active', type: 'boolean' },
          { name: 'version', type: 'integer' },
          timestampColumn(queryRunner, 'updated_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pilot_readiness',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'item_id', type: 'integer' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'evidence', type: 'text', isNullable: true },
          { name: 'changed_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'changed_at'),
          { name: 'version', type: 'integer' },
        ],
        foreignKeys: [
          pilotFk('pilot_readiness'),
          new TableForeignKey({
            name: 'pilot_readiness_item_fkey',
            columnNames: ['item_id'],
            referencedTableName: 'readiness_item',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'pilot_readiness',
      new TableIndex({
        name: 'pilot_readiness_pilot_item_key',
        columnNames: ['pilot_id', 'item_id'],
        isUnique: true,
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'it_commitment',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'level', type: 'varchar', length: '20' },
          { name: 'it_owner', type: 'varchar', length: '120', isNullable: true },
          { name: 'budget_committed_cents', type: 'bigint', isNullable: true },
          { name: 'roadmap_slot', type: 'varchar', length: '120', isNullable: true },
          { name: 'target_date', type: 'date', isNullable: true },
          { name: 'version', type: 'integer' },
          { name: 'updated_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'updated_at'),
        ],
        foreignKeys: [pilotFk('it_commitment')],
      }),
    );
    await queryRunner.createIndex(
      'it_commitment',
      new TableIndex({
        name: 'it_commitment_pilot_key',
        columnNames: ['pilot_id'],
        isUnique: true,
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'it_integration',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'item', type: 'varchar', length: '30' },
          { name: 'status', type: 'varchar', length: '20' },
        ],
        foreignKeys: [pilotFk('it_integration')],
      }),
    );
    await queryRunner.createIndex(
      'it_integration',
      new TableIndex({
        name: 'it_integration_pilot_item_key',
        columnNames: ['pilot_id', 'item'],
        isUnique: true,
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'gate_settings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'min_incubation_months', type: 'integer' },
          { name: 'readiness_pct', type: 'integer' },
          { name: 'min_it_level', type: 'varchar', length: '20' },
          { name: 'max_waterbed_pct', type: 'integer' },
          { name: 'vendor_standalone_months', type: 'integer' },
          { name: 'max_months_in_stage', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'updated_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'updated_at'),
        ],
      }),
    );

    await queryRunner.addColumns('pilot', [
      new TableColumn({
        name: 'conflict_accepted_by',
        type: 'varchar',
        length: '120',
        isNullable: true,
      }),
      new TableColumn({ ...timestampColumn(queryRunner, 'conflict_accepted_at', true) }),
      new TableColumn({ name: 'conflict_note', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('pilot', [
      'conflict_accepted_by',
      'conflict_accepted_at',
      'conflict_note',
    ]);
    for (const table of [
      'gate_settings',
      'it_integration',
      'it_commitment',
      'pilot_readiness',
      'readiness_item',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
