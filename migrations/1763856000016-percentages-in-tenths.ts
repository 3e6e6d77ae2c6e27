import { MigrationInterface, QueryRunner } from 'typeorm';

// Customer satisfaction and first-contact resolution are read with one decimal ("82,5"), as
// survey tools and Dutch Excel give them. They stay exact integers: tenths of a percent.
const COLUMNS: Array<[table: string, from: string, to: string]> = [
  ['monthly_result', 'csat', 'csat_tenths'],
  ['monthly_result', 'fcr', 'fcr_tenths'],
  ['pilot_plan', 'target_csat', 'target_csat_tenths'],
  ['pilot_plan', 'target_fcr', 'target_fcr_tenths'],
];

export class PercentagesInTenths1763856000016 implements MigrationInterface {
  name = 'PercentagesInTenths1763856000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain SQL: the same statements on both databases, and no table rebuild on SQLite (which
    // would drop the business-case cache's triggers on these tables).
    for (const [table, from, to] of COLUMNS) {
      await queryRunner.query(`ALTER TABLE ${table} RENAME COLUMN ${from} TO ${to}`);
      await queryRunner.query(`UPDATE ${table} SET ${to} = ${to} * 10 WHERE ${to} IS NOT NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, from, to] of COLUMNS) {
      await queryRunner.query(
        `UPDATE ${table} SET ${to} = (${to} + 5) / 10 WHERE ${to} IS NOT NULL`,
      );
      await queryRunner.query(`ALTER TABLE ${table} RENAME COLUMN ${to} TO ${from}`);
    }
  }
}
