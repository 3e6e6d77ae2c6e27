import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { SignOffDto } from './dto/sign-off.dto';
import { Writer } from '../database/writer.service';
import { FinanceSignoff } from './finance-signoff.entity';
import { signoffFingerprint } from './signoff-fingerprint';
import type { Pilot } from '../pilots/pilot.entity';
import type { BusinessCaseReport } from './business-case.service';

export interface SignoffStatus {
  signoff: FinanceSignoff;
  /** An input of a signed-off month changed afterwards. */
  outdated: boolean;
}

@Injectable()
export class SignoffsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  async statuses(report: BusinessCaseReport): Promise<SignoffStatus[]> {
    return (await this.statusesOf([report])).get(report.pilot.id) ?? [];
  }

  /** The sign-offs of many pilots, newest first, read in one query. */
  async statusesOf(reports: BusinessCaseReport[]): Promise<Map<number, SignoffStatus[]>> {
    const result = new Map<number, SignoffStatus[]>(reports.map((r) => [r.pilot.id, []]));
    if (!reports.length) return result;
    const signoffs = await this.dataSource.getRepository(FinanceSignoff).find({
      where: { pilotId: In(reports.map((r) => r.pilot.id)) },
      order: { signedAt: 'DESC', id: 'DESC' },
    });
    const reportOf = new Map(reports.map((r) => [r.pilot.id, r]));
    for (const signoff of signoffs) {
      const input = reportOf.get(signoff.pilotId)?.input;
      result.get(signoff.pilotId)?.push({
        signoff,
        outdated:
          !input ||
          signoffFingerprint(input, signoff.fromMonth, signoff.toMonth) !== signoff.fingerprint,
      });
    }
    return result;
  }

  /** The pilots with a sign-off (for the reminders of outdated ones). */
  async signedPilotIds(): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(FinanceSignoff)
      .createQueryBuilder('signoff')
      .select('DISTINCT signoff.pilot_id', 'pilotId')
      .getRawMany<{ pilotId: number }>();
    return rows.map((row) => Number(row.pilotId));
  }

  signOff(
    pilot: Pilot,
    report: BusinessCaseReport,
    dto: SignOffDto,
    actor: string,
  ): Promise<FinanceSignoff> {
    const { fromMonth: from, toMonth: to, note } = dto;
    const refuse = (field: string, message: string) =>
      new DomainError('validation', t('form.summary.signOff'), {
        [field]: [message],
      });
    const { input, result } = report;
    if (!input || !result) throw refuse('fromMonth', t('signoff.noCase'));
    const inRange = result.months.filter((m) => m.month >= from && m.month <= to);
    if (!inRange.length) throw refuse('toMonth', t('signoff.noResults'));
    if (inRange.some((m) => m.missing.length)) throw refuse('toMonth', t('signoff.missingInputs'));
    return this.writer.write(async (em) => {
      const saved = await em.save(
        em.create(FinanceSignoff, {
          pilotId: pilot.id,
          fromMonth: from,
          toMonth: to,
          fingerprint: signoffFingerprint(input, from, to),
          note,
          signedBy: actor,
          signedAt: new Date(),
        }),
      );
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
        [
          {
            field: 'finance sign-off',
            oldValue: null,
            newValue: `${from} – ${to}${note ? `: ${note}` : ''}`,
          },
        ],
      );
      return saved;
    });
  }
}
