import { MigrationInterface, QueryRunner } from 'typeorm';
import { insertRows } from './helpers';

// The eleven standard readiness items (lifecycle.md) and the default gate thresholds.
const ITEMS: Array<[string, string, boolean]> = [
  [
    'Ownership and roles (RACI) agreed',
    'Who is responsible, accountable, consulted and informed for the channel.',
    true,
  ],
  ['Content management', 'Who writes and maintains answers, scripts and templates.', true],
  ['Knowledge management', 'The knowledge base is shared with the other channels.', false],
  ['Performance management', 'KPIs, targets and reporting are in place.', true],
  [
    'Workforce forecasting and planning',
    'Forecasting and planning of staff, including peaks.',
    false,
  ],
  [
    'Routing and hand-over',
    'Routing to and from other channels without the customer repeating themselves.',
    true,
  ],
  ['Business rules and procedures', 'Escalation, complaints and privacy.', false],
  ['Contact registration in the CRM', 'Who contacts us, through which channel, and why.', false],
  ['Training and competences', 'Agents are trained for the channel.', false],
  ['Customer feedback loop', 'Feedback is collected and drives continuous improvement.', false],
  ['Risk and continuity', 'What happens when the vendor or the channel fails.', false],
];

export class SeedReadinessAndGateSettings1763856000008 implements MigrationInterface {
  name = 'SeedReadinessAndGateSettings1763856000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date();
    await insertRows(
      queryRunner,
      'readiness_item',
      ITEMS.map(([title, description, critical], index) => ({
        position: index + 1,
        title,
        description,
        critical,
        active: true,
        version: 1,
        updated_at: now,
      })),
    );
    await insertRows(queryRunner, 'gate_settings', [
      {
        id: 1,
        min_incubation_months: 6,
        readiness_pct: 80,
        min_it_level: 'committed',
        max_waterbed_pct: 50,
        vendor_standalone_months: 3,
        max_months_in_stage: 12,
        version: 1,
        updated_by: 'system',
        updated_at: now,
      },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "gate_settings"');
    await queryRunner.query('DELETE FROM "readiness_item"');
  }
}
