import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertRows, isPostgres } from './helpers';

// Reference data every organisation starts with; admins add their own on the channels page.
const STANDARD_CHANNELS: Array<[string, string, string]> = [
  ['phone', 'Phone', 'Inbound calls to the contact centre'],
  ['email', 'E-mail', 'E-mail handled by agents'],
  ['chat', 'Chat', 'Live chat with agents on the website'],
  ['web-form', 'Web form', 'Contact forms on the website'],
  ['social', 'Social media', 'Public and private messages on social platforms'],
  ['shop', 'Shop', 'Visits to a physical shop or service desk'],
];

export class SeedStandardChannels1763856000001 implements MigrationInterface {
  name = 'SeedStandardChannels1763856000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date();
    await insertRows(
      queryRunner,
      'channel',
      STANDARD_CHANNELS.map(([key, name, description], index) => ({
        key,
        name,
        description,
        active: true,
        position: index + 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [key] of STANDARD_CHANNELS) {
      await queryRunner.query(
        `DELETE FROM "channel" WHERE "key" = ${isPostgres(queryRunner) ? '$1' : '?'}`,
        [key],
      );
    }
  }
}
