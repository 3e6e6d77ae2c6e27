import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The language a person chose for the interface (nl or en). Empty until they choose: then the
 * browser's Accept-Language, else the configured LANGUAGE, decides.
 */
export class AccountLanguage1763856000030 implements MigrationInterface {
  name = 'AccountLanguage1763856000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'app_user',
      new TableColumn({ name: 'language', type: 'varchar', length: '2', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('app_user', 'language');
  }
}
