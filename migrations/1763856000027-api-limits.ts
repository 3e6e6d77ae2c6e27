import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

/**
 * The JSON API's counters and memory, kept in the database so that every app instance sees
 * them: requests per token per minute (the rate limit), and the answers given to requests that
 * carried an Idempotency-Key (a retry gets the first answer).
 */
export class ApiLimits1763856000027 implements MigrationInterface {
  name = 'ApiLimits1763856000027';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_request_count',
        columns: [
          { name: 'token_id', type: 'integer', isPrimary: true },
          { name: 'window_start', type: 'integer', isPrimary: true },
          { name: 'count', type: 'integer' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'api_request_count_token_fkey',
            columnNames: ['token_id'],
            referencedTableName: 'api_token',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotent_request',
        columns: [
          idColumn(),
          { name: 'holder', type: 'varchar', length: '40' },
          { name: 'idempotency_key', type: 'varchar', length: '200' },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'status', type: 'integer', isNullable: true },
          { name: 'body', type: 'text', isNullable: true },
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [
          {
            name: 'idempotent_request_key',
            columnNames: ['holder', 'idempotency_key'],
            isUnique: true,
          },
          { name: 'idempotent_request_created_idx', columnNames: ['created_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotent_request');
    await queryRunner.dropTable('api_request_count');
  }
}
