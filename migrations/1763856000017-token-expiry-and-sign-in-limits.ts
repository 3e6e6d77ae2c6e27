import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { bindable, timestampColumn } from './helpers';

/** Days a token made before tokens expired stays valid, counted from this migration. */
const EXISTING_TOKENS_DAYS = 90;

export class TokenExpiryAndSignInLimits1763856000017 implements MigrationInterface {
  name = 'TokenExpiryAndSignInLimits1763856000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nullable only because rows exist already: every token gets its expiry here and at creation.
    await queryRunner.addColumn(
      'api_token',
      new TableColumn(timestampColumn(queryRunner, 'expires_at', true)),
    );
    const p = (n: number) =>
      queryRunner.connection.driver.options.type === 'postgres' ? `$${n}` : '?';
    const now = new Date();
    await queryRunner.query(`UPDATE api_token SET expires_at = ${p(1)} WHERE expires_at IS NULL`, [
      bindable(queryRunner, new Date(now.getTime() + EXISTING_TOKENS_DAYS * 86_400_000)),
    ]);
    // A deactivated account's tokens die with it, so that reactivating it revives none.
    await queryRunner.query(
      `UPDATE api_token SET revoked_at = ${p(1)} WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM app_user WHERE NOT active)`,
      [bindable(queryRunner, now)],
    );
    // The sign-in limits count failures per client and over everyone, not only per address.
    await queryRunner.createIndex(
      'sign_in_attempt',
      new TableIndex({ name: 'sign_in_attempt_ip_idx', columnNames: ['ip', 'at'] }),
    );
    await queryRunner.createIndex(
      'sign_in_attempt',
      new TableIndex({ name: 'sign_in_attempt_at_idx', columnNames: ['at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('sign_in_attempt', 'sign_in_attempt_at_idx');
    await queryRunner.dropIndex('sign_in_attempt', 'sign_in_attempt_ip_idx');
    await queryRunner.dropColumn('api_token', 'expires_at');
  }
}
