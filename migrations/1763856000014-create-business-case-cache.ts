import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { isPostgres, timestampColumn } from './helpers';

// A computed summary of each pilot's business case, for the pages that show every pilot at
// once. The database itself keeps it honest: triggers bump a pilot's `version` on any change
// to an input of its business case, and a global epoch on changes to rates and channels, in
// the same transaction as the change. A summary is used only while its key still matches, so
// no write path can forget to invalidate it and every app instance sees the same truth.

/** Tables whose rows carry a pilot_id and feed that pilot's business case or sign-offs. */
const PILOT_TABLES = [
  'monthly_result',
  'channel_result',
  'investment',
  'pilot_plan',
  'plan_channel_share',
  'pilot_affected_channel',
  'pilot_stage_change',
  'finance_signoff',
];
/** Tables every business case reads. */
const GLOBAL_TABLES = ['cost_rate', 'discount_rate', 'channel'];

export class CreateBusinessCaseCache1763856000014 implements MigrationInterface {
  name = 'CreateBusinessCaseCache1763856000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'business_case_cache',
        columns: [
          { name: 'pilot_id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'integer', default: 0 },
          { name: 'computed_key', type: 'varchar', length: '80', isNullable: true },
          { name: 'data', type: 'text', isNullable: true },
          timestampColumn(queryRunner, 'computed_at', true),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'business_case_cache_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'business_case_epoch',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO business_case_epoch (id, version) VALUES (1, 0)');
    await queryRunner.query(
      'INSERT INTO business_case_cache (pilot_id, version) SELECT id, 0 FROM pilot',
    );
    if (isPostgres(queryRunner)) await this.postgresTriggers(queryRunner);
    else await this.sqliteTriggers(queryRunner);
  }

  private async sqliteTriggers(queryRunner: QueryRunner): Promise<void> {
    const bump = (pilot: string) =>
      `UPDATE business_case_cache SET version = version + 1 WHERE pilot_id = ${pilot};`;
    await queryRunner.query(
      `CREATE TRIGGER pilot_case_insert AFTER INSERT ON pilot BEGIN INSERT INTO business_case_cache (pilot_id, version) VALUES (NEW.id, 0); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER pilot_case_update AFTER UPDATE ON pilot BEGIN ${bump('NEW.id')} END`,
    );
    for (const table of PILOT_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_case_insert AFTER INSERT ON ${table} BEGIN ${bump('NEW.pilot_id')} END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_case_update AFTER UPDATE ON ${table} BEGIN ${bump('NEW.pilot_id')} ${bump('OLD.pilot_id')} END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_case_delete AFTER DELETE ON ${table} BEGIN ${bump('OLD.pilot_id')} END`,
      );
    }
    for (const table of GLOBAL_TABLES)
      for (const event of ['INSERT', 'UPDATE', 'DELETE'])
        await queryRunner.query(
          `CREATE TRIGGER ${table}_case_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN UPDATE business_case_epoch SET version = version + 1 WHERE id = 1; END`,
        );
  }

  private async postgresTriggers(queryRunner: QueryRunner): Promise<void> {
    // Statement-level triggers with transition tables: one bump per pilot per statement, not per
    // row (an import writes 100 000 rows in a handful of statements).
    const fn = (name: string, pilots: string) =>
      queryRunner.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE business_case_cache SET version = version + 1 WHERE pilot_id IN (${pilots}); RETURN NULL; END $$`,
      );
    await fn('case_bump_new', 'SELECT pilot_id FROM new_rows');
    await fn('case_bump_old', 'SELECT pilot_id FROM old_rows');
    await fn('case_bump_both', 'SELECT pilot_id FROM new_rows UNION SELECT pilot_id FROM old_rows');
    await fn('case_bump_pilot', 'SELECT id FROM new_rows');
    await queryRunner.query(
      `CREATE FUNCTION case_pilot_created() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO business_case_cache (pilot_id, version) SELECT id, 0 FROM new_rows; RETURN NULL; END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION case_bump_epoch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE business_case_epoch SET version = version + 1 WHERE id = 1; RETURN NULL; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER pilot_case_insert AFTER INSERT ON pilot REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_pilot_created()',
    );
    await queryRunner.query(
      'CREATE TRIGGER pilot_case_update AFTER UPDATE ON pilot REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_bump_pilot()',
    );
    for (const table of PILOT_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_case_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_bump_new()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_case_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_bump_both()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_case_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_bump_old()`,
      );
    }
    for (const table of GLOBAL_TABLES)
      await queryRunner.query(
        `CREATE TRIGGER ${table}_case_change AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION case_bump_epoch()`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = isPostgres(queryRunner);
    const drop = (trigger: string, table: string) =>
      queryRunner.query(
        postgres
          ? `DROP TRIGGER IF EXISTS ${trigger} ON ${table}`
          : `DROP TRIGGER IF EXISTS ${trigger}`,
      );
    await drop('pilot_case_insert', 'pilot');
    await drop('pilot_case_update', 'pilot');
    for (const table of PILOT_TABLES)
      for (const event of ['insert', 'update', 'delete'])
        await drop(`${table}_case_${event}`, table);
    for (const table of GLOBAL_TABLES)
      for (const event of postgres ? ['change'] : ['insert', 'update', 'delete'])
        await drop(`${table}_case_${event}`, table);
    if (postgres)
      for (const fn of [
        'case_bump_new',
        'case_bump_old',
        'case_bump_both',
        'case_bump_pilot',
        'case_pilot_created',
        'case_bump_epoch',
      ])
        await queryRunner.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    await queryRunner.dropTable('business_case_epoch');
    await queryRunner.dropTable('business_case_cache');
  }
}
