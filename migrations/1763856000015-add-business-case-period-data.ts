import { MigrationInterface, QueryRunner } from 'typeorm';

// The basis of a pilot's period totals (per-month figures and baseline fits) beside its cached
// summary, so finance's month filter is computed from the cache too. Read only for that filter.
export class AddBusinessCasePeriodData1763856000015 implements MigrationInterface {
  name = 'AddBusinessCasePeriodData1763856000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain SQL: the same statement on both databases, and no table rebuild on SQLite.
    await queryRunner.query('ALTER TABLE business_case_cache ADD COLUMN period_data text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE business_case_cache DROP COLUMN period_data');
  }
}
