import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A personal API token carries a scope chosen when it is made: `read`, or `write` as well. Tokens
 * made before could only read, so they keep `read`.
 */
export class ApiTokenScope1763856000022 implements MigrationInterface {
  name = 'ApiTokenScope1763856000022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'api_token',
      new TableColumn({
        name: 'scope',
        type: 'varchar',
        length: '5',
        isNullable: false,
        default: "'read'",
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('api_token', 'scope');
  }
}
