import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { diffFields, FieldChange } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { updateIfUnchanged } from '../database/update-if-unchanged';
import { Writer } from '../database/writer.service';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { PlanFormDto, type ShareInput } from './dto/plan-form.dto';
import { PilotPlan } from './pilot-plan.entity';
import { PlanChannelShare } from './plan-channel-share.entity';
import { pinErrors } from './plan-rules';
import { ResultsService } from '../results/results.service';

const PLAN_FIELDS = [
  'expectedMonthlyContacts',
  'investmentCents',
  'monthlyFixedCostCents',
  'variableCostPerContactCents',
  'expectedMonthlyMarginCents',
  'horizonMonths',
  'coverageBp',
  'fixedCostAtScaleCents',
  'minMonthlyVolume',
  'targetCsat',
  'targetFcr',
  'targetResponseSeconds',
] as const;

@Injectable()
export class PlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly pilots: PilotsService,
    private readonly results: ResultsService,
  ) {}

  async load(pilotId: number): Promise<{ plan: PilotPlan | null; shares: PlanChannelShare[] }> {
    const [plan, shares] = await Promise.all([
      this.dataSource.getRepository(PilotPlan).findOneBy({ pilotId }),
      this.dataSource.getRepository(PlanChannelShare).findBy({ pilotId }),
    ]);
    return { plan, shares };
  }

  /**
   * A new pilot's plan taken over from the pilot it is like, inside its registration: the plan's
   * assumptions, and each share and scope on a channel the new pilot also relieves. Not the start
   * month (the new pilot starts when it starts) nor a pinned baseline method (its history decides).
   */
  async copyPlan(em: EntityManager, from: Pilot, to: Pilot, actor: string): Promise<void> {
    const plan = await em.findOneBy(PilotPlan, { pilotId: from.id });
    if (!plan) return;
    const now = new Date();
    const values = Object.fromEntries(PLAN_FIELDS.map((f) => [f, plan[f]])) as Pick<
      PilotPlan,
      (typeof PLAN_FIELDS)[number]
    >;
    await em.insert(PilotPlan, { ...values, pilotId: to.id, version: 1, updatedAt: now });
    const relieved = new Set(to.affectedChannels.map((c) => c.id));
    const shares = (await em.findBy(PlanChannelShare, { pilotId: from.id })).filter((s) =>
      relieved.has(s.channelId),
    );
    if (shares.length)
      await em.insert(
        PlanChannelShare,
        shares.map((s) => ({
          pilotId: to.id,
          channelId: s.channelId,
          shareBp: s.shareBp,
          baselineMethod: null,
          scope: s.scope,
          scopeDescription: s.scopeDescription,
        })),
      );
    await this.audit.recordChanges(
      em,
      actor,
      { entityType: 'plan', entityId: to.id, pilotId: to.id },
      [{ field: 'plan', oldValue: null, newValue: `copied from ${from.name} (${from.slug})` }],
      now,
    );
  }

  /** The (pilot, channel) lines whose scope is the whole channel: few, read as plain rows. */
  async wholeScopesOf(): Promise<Array<{ pilotId: number; channelId: number }>> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['s.pilot_id AS "pilotId"', 's.channel_id AS "channelId"'])
      .from('plan_channel_share', 's')
      .where("s.scope = 'whole'")
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({ pilotId: Number(r.pilotId), channelId: Number(r.channelId) }));
  }

  save(pilot: Pilot, dto: PlanFormDto, shares: ShareInput[], actor: string): Promise<void> {
    return this.writer.write(async (em) => {
      const existing = await em.findOneBy(PilotPlan, { pilotId: pilot.id });
      const current = await this.pilots.current(em, pilot.id);
      if ((existing?.version ?? 0) !== dto.version || current?.version !== pilot.version) {
        throw new DomainError('conflict', t('plan.stale'));
      }
      // The channels' history is read only when a method is pinned, inside the plan's write.
      const pinned = shares.some((s) => s.baselineMethod);
      const rows = pinned ? await this.results.channelRowsOf([pilot.id], em) : [];
      const pins = pinErrors(dto.startMonth, shares, rows);
      if (Object.keys(pins).length) throw new DomainError('validation', t('plan.pinRefused'), pins);
      const now = new Date();
      const values = Object.fromEntries(PLAN_FIELDS.map((f) => [f, dto[f]])) as Pick<
        PilotPlan,
        (typeof PLAN_FIELDS)[number]
      >;
      const changes: FieldChange[] = diffFields(existing ?? ({} as PilotPlan), values, [
        ...PLAN_FIELDS,
      ]);
      const planChanged = !existing || changes.length > 0;
      const startChanged = dto.startMonth !== pilot.startMonth;
      if (startChanged)
        changes.push(...diffFields(pilot, { startMonth: dto.startMonth }, ['startMonth']));

      const before = await em.findBy(PlanChannelShare, { pilotId: pilot.id });
      const nameOf = new Map(pilot.affectedChannels.map((c) => [c.id, c.name]));
      const describe = (rows: ShareInput[]) =>
        rows
          .filter((r) => r.shareBp !== null && nameOf.has(r.channelId))
          .map(
            (r) =>
              `${nameOf.get(r.channelId)} ${(r.shareBp as number) / 100} %${r.baselineMethod ? ` (${r.baselineMethod})` : ''}${scopeWords(r)}`,
          )
          .sort()
          .join('; ');
      const shareChanges = diffFields({ shares: describe(before) }, { shares: describe(shares) }, [
        'shares',
      ]);
      changes.push(...shareChanges);
      // Saved unchanged: nothing is stored, no version bumped, nothing audited.
      if (!planChanged && !startChanged && !shareChanges.length) return;

      // A change of the shares alone bumps the plan's version too: a second form opened at the
      // same version must not replace them unseen.
      if (existing && (planChanged || shareChanges.length)) {
        if (!(await updateIfUnchanged(em, PilotPlan, existing, { ...values, updatedAt: now }))) {
          throw new DomainError('conflict', t('plan.savedMeanwhile'));
        }
      } else if (!existing) {
        await em.insert(PilotPlan, { ...values, pilotId: pilot.id, version: 1, updatedAt: now });
      }

      if (
        startChanged &&
        !(await this.pilots.updateIfUnchanged(em, pilot, {
          startMonth: dto.startMonth,
          updatedAt: now,
        }))
      ) {
        throw new DomainError('conflict', t('plan.pilotSavedMeanwhile'));
      }

      if (shareChanges.length) {
        await em.delete(PlanChannelShare, { pilotId: pilot.id });
        const rows = shares.filter((s) => s.shareBp !== null);
        if (rows.length) {
          await em.insert(
            PlanChannelShare,
            rows.map((s) => ({
              pilotId: pilot.id,
              channelId: s.channelId,
              shareBp: s.shareBp as number,
              baselineMethod: s.baselineMethod,
              scope: s.scope,
              scopeDescription: s.scopeDescription,
            })),
          );
        }
      }
      const target = { entityType: 'plan' as const, entityId: pilot.id, pilotId: pilot.id };
      await this.audit.recordChanges(em, actor, target, changes, now);
    });
  }
}

/** The scope in the plan's history: ", whole channel" or ", segment: calls of movers". */
function scopeWords(share: Pick<ShareInput, 'scope' | 'scopeDescription'>): string {
  if (share.scope === 'whole') return ', whole channel';
  return share.scopeDescription ? `, segment: ${share.scopeDescription}` : '';
}
