import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { idColumn, insertRows, instantOf, timestampColumn } from './helpers';

/**
 * The lessons library: every lesson learned is kept as its own row, with the pilot, the stage it
 * was learned in, the decision it came with (if any) and its date. Until now a pilot held one
 * text, overwritten by the next; each pilot's current text becomes its first lesson, dated with
 * the pilot's stop (or its last change) and linked to its last stop decision when there is one.
 */
export class Lessons1763856000023 implements MigrationInterface {
  name = 'Lessons1763856000023';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lesson',
        columns: [
          idColumn(),
          { name: 'pilot_id', type: 'integer' },
          { name: 'decision_id', type: 'integer', isNullable: true },
          { name: 'stage', type: 'varchar', length: '30' },
          { name: 'outcome', type: 'varchar', length: '10' },
          { name: 'text', type: 'text' },
          { name: 'learned_on', type: 'date' },
          { name: 'recorded_by', type: 'varchar', length: '120' },
          timestampColumn(queryRunner, 'recorded_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'lesson_pilot_fkey',
            columnNames: ['pilot_id'],
            referencedTableName: 'pilot',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'lesson_decision_fkey',
            columnNames: ['decision_id'],
            referencedTableName: 'decision',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'lesson',
      new TableIndex({ name: 'lesson_pilot_idx', columnNames: ['pilot_id', 'learned_on'] }),
    );
    await queryRunner.createIndex(
      'lesson',
      new TableIndex({ name: 'lesson_learned_on_idx', columnNames: ['learned_on'] }),
    );

    const pilots = (await queryRunner.query(
      'SELECT id, stage, lessons_learned, updated_at FROM pilot WHERE lessons_learned IS NOT NULL',
    )) as Array<{ id: number; stage: string; lessons_learned: string; updated_at: unknown }>;
    const rows = [];
    for (const p of pilots) {
      if (!p.lessons_learned.trim()) continue;
      const [stop] = (await queryRunner.query(
        `SELECT from_stage, changed_at, actor FROM pilot_stage_change
          WHERE pilot_id = ${Number(p.id)} AND to_stage = 'stopped' ORDER BY changed_at DESC LIMIT 1`,
      )) as Array<{ from_stage: string | null; changed_at: unknown; actor: string }>;
      // The decision that wrote the text: the last stop decision, or else the last decision (a
      // board decision of any outcome could give lessons).
      const [decision] = (await queryRunner.query(
        `SELECT id, outcome, from_stage, decided_on, recorded_by FROM decision
          WHERE pilot_id = ${Number(p.id)} ${stop ? "AND outcome = 'stop'" : ''}
          ORDER BY recorded_at DESC LIMIT 1`,
      )) as Array<{
        id: number;
        outcome: string;
        from_stage: string;
        decided_on: unknown;
        recorded_by: string;
      }>;
      const at = instantOf(stop?.changed_at ?? p.updated_at);
      rows.push({
        pilot_id: p.id,
        decision_id: decision?.id ?? null,
        stage: stop?.from_stage ?? decision?.from_stage ?? p.stage,
        outcome: stop ? 'stop' : (decision?.outcome ?? 'stop'),
        text: p.lessons_learned,
        learned_on: at.toISOString().slice(0, 10),
        recorded_by: stop?.actor ?? decision?.recorded_by ?? 'migration',
        recorded_at: at,
      });
    }
    await insertRows(queryRunner, 'lesson', rows);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('lesson', 'lesson_learned_on_idx');
    await queryRunner.dropIndex('lesson', 'lesson_pilot_idx');
    await queryRunner.dropTable('lesson');
  }
}
