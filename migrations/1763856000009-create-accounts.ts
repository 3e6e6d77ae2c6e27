import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

// Accounts with roles, sign-in attempts (for the rate limit, shared by all instances), and the
// user account that owns a pilot.
export class CreateAccounts1763856000009 implements MigrationInterface {
  name = 'CreateAccounts1763856000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          idColumn(),
          { name: 'email', type: 'varchar', length: '200' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'password_hash', type: 'varchar', length: '200' },
          { name: 'roles', type: 'varchar', length: '100' },
          { name: 'active', type: 'boolean' },
          { name: 'version', type: 'integer' },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'app_user',
      new TableIndex({ name: 'app_user_email_key', columnNames: ['email'], isUnique: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sign_in_attempt',
        columns: [
          idColumn(),
          { name: 'email', type: 'varchar', length: '200' },
          { name: 'ip', type: 'varchar', length: '64' },
          { name: 'succeeded', type: 'boolean' },
          timestampColumn(queryRunner, 'at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'sign_in_attempt',
      new TableIndex({ name: 'sign_in_attempt_email_idx', columnNames: ['email', 'at'] }),
    );

    await queryRunner.addColumn(
      'pilot',
      new TableColumn({ name: 'owner_user_id', type: 'integer', isNullable: true }),
    );
    await queryRunner.createForeignKey(
      'pilot',
      new TableForeignKey({
        name: 'pilot_owner_user_fkey',
        columnNames: ['owner_user_id'],
        referencedTableName: 'app_user',
        referencedColumnNames: ['id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('pilot', 'pilot_owner_user_fkey');
    await queryRunner.dropColumn('pilot', 'owner_user_id');
    await queryRunner.dropTable('sign_in_attempt');
    await queryRunner.dropTable('app_user');
  }
}
