import { percentTenths } from '../common/columns';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { EntityManager, In } from 'typeorm';
import { User } from '../accounts/user.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { PilotPlan } from '../business-case/pilot-plan.entity';
import { PlanChannelShare } from '../business-case/plan-channel-share.entity';
import { addMonths } from '../common/months';
import { insertRows } from '../database/bulk';
import { CostRate } from '../finance/cost-rate.entity';
import { DiscountRate } from '../finance/discount-rate.entity';
import { Investment } from '../results/investment.entity';
import { ItCommitment } from '../readiness/it-commitment.entity';
import { PilotReadiness } from '../readiness/pilot-readiness.entity';
import type { ItemStatus } from '../readiness/readiness-fields';
import { ReadinessItem } from '../readiness/readiness-item.entity';
import {
  DEMO_BUSINESS_CASES,
  DEMO_COST_RATES,
  generateChannelTotals,
  DEMO_READINESS,
  generateMonths,
} from './demo-business-cases';
import { AuditService } from '../audit/audit.service';
import { Channel } from '../channels/channel.entity';
import { addDays, todayIso } from '../common/dates';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Writer } from '../database/writer.service';
import { PilotsService } from '../pilots/pilots.service';
import { StageMoves } from '../lifecycle/stage-move';
import { BoardMeeting, BoardMeetingItem } from '../lifecycle/board-meeting.entity';
import { Pilot } from '../pilots/pilot.entity';
import { DEMO_PILOTS } from './demo-data';

const DEMO_ACTOR = 'demo data';

/** Fills an empty database with the demo portfolio; never touches one that has pilots. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly pilots: PilotsService,
    private readonly stageMoves: StageMoves,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    try {
      const seeded = await this.seed();
      if (seeded) this.logger.log(`Demo data: ${seeded} pilots seeded.`);
    } catch (error) {
      // Two instances starting on one empty PostgreSQL database: the second one loses the race.
      this.logger.warn(`Demo data not seeded: ${(error as Error).message}`);
    }
  }

  /** Seeds in one transaction; returns the number of pilots seeded (0 when there was data). */
  async seed(today = todayIso()): Promise<number> {
    const passwordHash = await hash(DEMO_PASSWORD);
    return this.writer.write(async (em) => {
      if ((await em.count(Pilot)) > 0) return 0;
      const keys = [...new Set(DEMO_PILOTS.flatMap((demo) => demo.affected))];
      const channels = await em.find(Channel, { where: { key: In(keys) } });
      const byKey = new Map(channels.map((channel) => [channel.key, channel]));

      for (const demo of DEMO_PILOTS) {
        const created = dayAt(addDays(today, -demo.path[0].daysAgo));
        const [first, ...moves] = demo.path;
        const pilot = em.create(Pilot, {
          slug: demo.slug,
          name: demo.name,
          description: demo.description,
          channelType: demo.channelType,
          purposes: demo.purposes,
          targetContactTypes: demo.targetContactTypes,
          scope: demo.scope,
          controlScope: demo.controlScope ?? null,
          ownerName: demo.ownerName ?? null,
          ownerDepartment: demo.ownerDepartment ?? null,
          sponsor: demo.sponsor ?? null,
          itContact: demo.itContact ?? null,
          operationsLead: demo.operationsLead ?? null,
          financeController: demo.financeController ?? null,
          serviceStrategy: demo.serviceStrategy,
          stage: first.stage,
          stageEnteredOn: addDays(today, -first.daysAgo),
          nextReviewDate:
            demo.nextReviewInDays === undefined ? null : addDays(today, demo.nextReviewInDays),
          lessonsLearned: null,
          version: 1,
          createdAt: created,
          updatedAt: created,
          affectedChannels: demo.affected
            .map((key) => byKey.get(key))
            .filter((c): c is Channel => Boolean(c)),
        });
        await em.save(pilot);
        await this.audit.recordCreate(
          em,
          DEMO_ACTOR,
          { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
          created,
        );
        await this.pilots.writeRegistration(em, pilot, DEMO_ACTOR, first.reason ?? 'Registered');
        // The past moves through the lifecycle's one door, each at its own date.
        for (const step of moves) {
          const at = dayAt(addDays(today, -step.daysAgo));
          const moved = await this.stageMoves.move(em, pilot, {
            to: step.stage,
            actor: DEMO_ACTOR,
            reason: step.reason ?? null,
            at,
            // A stop keeps its lessons, in the pilot and in the lessons library.
            fields: step.lesson
              ? { lessonsLearned: step.lesson }
              : step.stage === 'stopped' && demo.lessonsLearned
                ? { lessonsLearned: demo.lessonsLearned }
                : undefined,
          });
          if (!moved) throw new Error(`Demo pilot ${demo.slug} changed while it was seeded.`);
        }
      }
      await this.seedBusinessCases(em, today);
      await this.seedMeeting(em, today);
      await this.seedReadiness(em, today);
      await this.seedAccounts(em, passwordHash);
      return DEMO_PILOTS.length;
    });
  }

  /** One account per role; the owners own their demo pilots. */
  private async seedAccounts(em: EntityManager, passwordHash: string): Promise<void> {
    const now = new Date();
    for (const account of DEMO_ACCOUNTS) {
      if (await em.findOneBy(User, { email: account.email })) continue;
      const user = await em.save(
        em.create(User, {
          email: account.email,
          name: account.name,
          passwordHash,
          roles: account.roles,
          active: true,
          version: 1,
          createdAt: now,
          updatedAt: now,
        }),
      );
      for (const slug of account.owns ?? [])
        await em.update(Pilot, { slug }, { ownerUserId: user.id });
    }
  }

  /** Checklists in every state and IT at every level, so each signal shows somewhere. */
  /**
   * The board's next meeting, a week ahead, with the pilot in scale-up review on its agenda; the
   * overdue billing chatbot is among its suggestions.
   */
  private async seedMeeting(em: EntityManager, today: string): Promise<void> {
    const meeting = await em.save(
      em.create(BoardMeeting, {
        heldOn: addDays(today, 7),
        members: 'Marieke Smit, Joost de Boer, Eva Bos',
        createdBy: DEMO_ACTOR,
        createdAt: new Date(),
      }),
    );
    const pilot = await em.findOneByOrFail(Pilot, { slug: 'voicebot-outages' });
    await em.insert(BoardMeetingItem, {
      meetingId: meeting.id,
      pilotId: pilot.id,
      position: 1,
      decisionId: null,
    });
  }

  private async seedReadiness(em: EntityManager, today: string): Promise<void> {
    const items = await em.find(ReadinessItem, { order: { position: 'ASC' } });
    const statusOf: Record<string, ItemStatus> = {
      D: 'done',
      P: 'in_progress',
      N: 'not_started',
      X: 'not_applicable',
    };
    const now = new Date();
    for (const demo of DEMO_READINESS) {
      const pilot = await em.findOneBy(Pilot, { slug: demo.slug });
      if (!pilot) continue;
      const rows = [...demo.items]
        .map((letter, i) => ({ letter, item: items[i] }))
        .filter((r) => r.item && r.letter !== 'N');
      if (rows.length) {
        await em.insert(
          PilotReadiness,
          rows.map(({ letter, item }) => ({
            pilotId: pilot.id,
            itemId: item.id,
            status: statusOf[letter],
            evidence:
              letter === 'D' ? `Agreed and documented (${item.title.toLowerCase()}).` : null,
            changedBy: DEMO_ACTOR,
            changedAt: now,
            version: 1,
          })),
        );
      }
      await em.insert(ItCommitment, {
        pilotId: pilot.id,
        level: demo.it.level,
        itOwner: demo.it.owner ?? null,
        budgetCommittedCents: demo.it.budgetCents ?? null,
        roadmapSlot: demo.it.slot ?? null,
        targetDate:
          demo.it.targetInDays === undefined ? null : addDays(today, demo.it.targetInDays),
        version: 1,
        updatedBy: DEMO_ACTOR,
        updatedAt: now,
      });
    }
    // A proof of concept that started last month and has logged nothing yet.
    const video = await em.findOneBy(Pilot, { slug: 'premium-video' });
    if (video) {
      const start = addMonths(today.slice(0, 7), -2);
      await em.update(Pilot, { id: video.id }, { startMonth: start });
      await em.insert(PilotPlan, {
        pilotId: video.id,
        expectedMonthlyContacts: 400,
        investmentCents: 1_500_000,
        monthlyFixedCostCents: 600_000,
        variableCostPerContactCents: 900,
        expectedMonthlyMarginCents: 2_000_000,
        horizonMonths: 36,
        coverageBp: 1500,
        fixedCostAtScaleCents: 1_800_000,
        minMonthlyVolume: 250,
        targetCsat: 90,
        targetFcr: null,
        targetResponseSeconds: null,
        version: 1,
        updatedAt: now,
      });
    }
  }

  /** Rates, discount rate, plans, 36 months of history and the results of the demo business cases. */
  private async seedBusinessCases(em: EntityManager, today: string): Promise<void> {
    const current = today.slice(0, 7);
    const now = new Date();
    const channels = new Map((await em.find(Channel)).map((c) => [c.key, c]));
    const since = addMonths(current, -72);
    for (const rate of DEMO_COST_RATES) {
      const channel = channels.get(rate.key);
      if (!channel) continue;
      await em.insert(CostRate, {
        channelId: channel.id,
        effectiveFrom: since,
        centsPerContact: rate.cents,
        setBy: DEMO_ACTOR,
        setAt: now,
      });
      if (rate.raiseCents) {
        await em.insert(CostRate, {
          channelId: channel.id,
          effectiveFrom: addMonths(current, -12),
          centsPerContact: rate.raiseCents,
          setBy: DEMO_ACTOR,
          setAt: now,
        });
      }
    }
    await em.insert(DiscountRate, {
      effectiveFrom: since,
      rateBp: 800,
      setBy: DEMO_ACTOR,
      setAt: now,
    });

    // The organisation's own channel totals, for the channel ledger.
    await insertRows(
      em,
      'channel_total',
      generateChannelTotals(current).map((t) => ({
        channel_id: channels.get(t.key)!.id,
        month: t.month,
        volume: t.volume,
        desired: t.mix?.[0] ?? null,
        undesired: t.mix?.[1] ?? null,
        unnecessary: t.mix?.[2] ?? null,
        updated_by: DEMO_ACTOR,
        updated_at: now,
      })),
    );

    for (const [index, demo] of DEMO_BUSINESS_CASES.entries()) {
      const pilot = await em.findOne(Pilot, { where: { slug: demo.slug } });
      if (!pilot) continue;
      const startMonth = addMonths(current, -demo.startMonthsAgo);
      await em.update(Pilot, { id: pilot.id }, { startMonth });
      await em.insert(PilotPlan, {
        pilotId: pilot.id,
        expectedMonthlyContacts: demo.contacts.max,
        investmentCents: demo.investmentCents,
        monthlyFixedCostCents: demo.fixedCostCents,
        variableCostPerContactCents: demo.variableCostCents,
        expectedMonthlyMarginCents: demo.marginPerContactCents * demo.contacts.max || null,
        horizonMonths: 36,
        coverageBp: demo.coverageBp,
        fixedCostAtScaleCents: demo.fixedCostAtScaleCents,
        minMonthlyVolume: demo.minMonthlyVolume,
        targetCsat: demo.quality.csat - 5,
        targetFcr: demo.quality.fcr - 5,
        targetResponseSeconds: demo.quality.responseSeconds * 2,
        version: 1,
        updatedAt: now,
      });
      await em.insert(
        PlanChannelShare,
        demo.channels.map((c) => ({
          pilotId: pilot.id,
          channelId: channels.get(c.key)!.id,
          shareBp: Math.round(c.share * 10000),
          baselineMethod: null,
          scope: 'segment' as const,
          scopeDescription: c.scope,
        })),
      );
      await em.insert(Investment, {
        pilotId: pilot.id,
        investedOn: `${startMonth}-01`,
        amountCents: demo.investmentCents,
        description: 'Vendor licence, set-up and training',
        createdBy: DEMO_ACTOR,
        createdAt: now,
      });
      const months = generateMonths(demo, current, 1000 + index);
      await insertRows(
        em,
        'monthly_result',
        months
          .filter((m) => m.contacts !== null)
          .map((m) => ({
            pilot_id: pilot.id,
            month: m.month,
            contacts: m.contacts,
            resolved: m.resolved,
            fixed_cost_cents: m.fixedCostCents,
            margin_cents: m.marginCents,
            // Raw rows skip the entity's transformer: percentages go in as tenths.
            csat_tenths: percentTenths.to(m.csat),
            fcr_tenths: percentTenths.to(m.fcr),
            response_seconds: m.responseSeconds,
            updated_at: now,
          })),
      );
      await insertRows(
        em,
        'channel_result',
        months.flatMap((m) =>
          m.channels.map((c) => ({
            pilot_id: pilot.id,
            month: m.month,
            channel_id: channels.get(c.key)!.id,
            volume: c.volume,
            follow_ups: c.followUps,
            control_volume: c.controlVolume,
            desired: c.mix?.[0] ?? null,
            undesired: c.mix?.[1] ?? null,
            unnecessary: c.mix?.[2] ?? null,
            updated_at: now,
          })),
        ),
      );
    }
  }
}

function dayAt(iso: string): Date {
  return new Date(`${iso}T09:00:00Z`);
}
