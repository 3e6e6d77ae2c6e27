import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, FieldErrors } from '../common/domain-error';
import { isMonth } from '../common/months';
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

  signOff(
    pilot: Pilot,
    report: BusinessCaseReport,
    body: Record<string, unknown>,
    actor: string,
  ): Promise<FinanceSignoff> {
    const from = typeof body.fromMonth === 'string' ? body.fromMonth.trim() : '';
    const to = typeof body.toMonth === 'string' ? body.toMonth.trim() : '';
    const note = typeof body.note === 'string' ? body.note.trim().slice(0, 2000) || null : null;
    const errors: FieldErrors = {};
    if (!isMonth(from)) errors.fromMonth = ['Give the first month as YYYY-MM.'];
    if (!isMonth(to)) errors.toMonth = ['Give the last month as YYYY-MM.'];
    if (isMonth(from) && isMonth(to) && from > to)
      errors.toMonth = ['The last month cannot come before the first.'];
    if (!report.input || !report.result) {
      errors.fromMonth = ['There is no computed business case to sign off yet.'];
    } else if (Object.keys(errors).length) {
      // The range itself is wrong: say that first.
    } else if (!report.result.months.some((m) => m.month >= from && m.month <= to)) {
      errors.toMonth = ['No results are logged in that range.'];
    } else if (
      report.result.months.some((m) => m.month >= from && m.month <= to && m.missing.length)
    ) {
      errors.toMonth = ['Some months in the range miss inputs; they cannot be signed off.'];
    }
    if (Object.keys(errors).length)
      throw new DomainError(
        'validation',
        'Not signed off: correct the fields marked below.',
        errors,
      );
    return this.writer.write(async (em) => {
      const saved = await em.save(
        em.create(FinanceSignoff, {
          pilotId: pilot.id,
          fromMonth: from,
          toMonth: to,
          fingerprint: signoffFingerprint(report.input!, from, to),
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
