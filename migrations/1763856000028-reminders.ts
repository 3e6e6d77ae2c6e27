import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { idColumn, timestampColumn } from './helpers';

/**
 * Reminders: each person's notifications (in the app and by e-mail), one per kind, subject and
 * period — the unique key that lets several app instances run the scheduler and still remind
 * once — and each person's choice of which reminders they get.
 */
export class Reminders1763856000028 implements MigrationInterface {
  name = 'Reminders1763856000028';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notification',
        columns: [
          idColumn(),
          { name: 'user_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'subject_key', type: 'varchar', length: '60' },
          { name: 'period', type: 'varchar', length: '20' },
          { name: 'title', type: 'varchar', length: '300' },
          { name: 'body', type: 'text' },
          { name: 'link', type: 'varchar', length: '300' },
          { name: 'in_app', type: 'boolean' },
          { name: 'mail_state', type: 'varchar', length: '10' },
          { name: 'mail_attempts', type: 'integer', default: 0 },
          { name: 'mail_error', type: 'varchar', length: '300', isNullable: true },
          timestampColumn(queryRunner, 'mail_claimed_at', true),
          timestampColumn(queryRunner, 'emailed_at', true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'read_at', true),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'notification_user_fkey',
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
          }),
        ],
        indices: [
          {
            name: 'notification_once_key',
            columnNames: ['user_id', 'kind', 'subject_key', 'period'],
            isUnique: true,
          },
          { name: 'notification_user_idx', columnNames: ['user_id', 'created_at'] },
          { name: 'notification_mail_idx', columnNames: ['mail_state'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_preference',
        columns: [
          { name: 'user_id', type: 'integer', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '30', isPrimary: true },
          { name: 'in_app', type: 'boolean' },
          { name: 'email', type: 'boolean' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'reminder_preference_user_fkey',
            columnNames: ['user_id'],
            referencedTableName: 'app_user',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reminder_preference');
    await queryRunner.dropTable('notification');
  }
}
