import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

// Personal API tokens, stored only as a SHA-256 hash (the token itself is shown once).
export class CreateApiToken1763856000011 implements MigrationInterface {
  name = 'CreateApiToken1763856000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_token',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'prefix', type: 'varchar', length: '12' },
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'last_used_at', true),
          timestampColumn(queryRunner, 'revoked_at', true),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'api_token_user_fkey',
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'api_token',
      new TableIndex({ name: 'api_token_hash_key', columnNames: ['token_hash'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'api_token',
      new TableIndex({ name: 'api_token_user_idx', columnNames: ['user_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_token');
  }
}
