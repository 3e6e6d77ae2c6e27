import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Channel } from '../channels/channel.entity';
import { addDays, todayIso } from '../common/dates';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Writer } from '../database/writer.service';
import { PilotStageChange } from '../pilots/pilot-stage-change.entity';
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
  seed(today = todayIso()): Promise<number> {
    return this.writer.write(async (em) => {
      if ((await em.count(Pilot)) > 0) return 0;
      const keys = [...new Set(DEMO_PILOTS.flatMap((demo) => demo.affected))];
      const channels = await em.find(Channel, { where: { key: In(keys) } });
      const byKey = new Map(channels.map((channel) => [channel.key, channel]));

      for (const demo of DEMO_PILOTS) {
        const created = dayAt(addDays(today, -demo.path[0].daysAgo));
        const current = demo.path[demo.path.length - 1];
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
          stage: current.stage,
          stageEnteredOn: addDays(today, -current.daysAgo),
          nextReviewDate:
            demo.nextReviewInDays === undefined ? null : addDays(today, demo.nextReviewInDays),
          lessonsLearned: demo.lessonsLearned ?? null,
          version: 1,
          createdAt: created,
          updatedAt: dayAt(addDays(today, -current.daysAgo)),
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
        let from: PilotStageChange['fromStage'] = null;
        for (const step of demo.path) {
          await em.insert(PilotStageChange, {
            pilotId: pilot.id,
            fromStage: from,
            toStage: step.stage,
            changedAt: dayAt(addDays(today, -step.daysAgo)),
            actor: DEMO_ACTOR,
            reason: step.reason ?? (from === null ? 'Registered' : null),
          });
          from = step.stage;
        }
      }
      return DEMO_PILOTS.length;
    });
  }
}

function dayAt(iso: string): Date {
  return new Date(`${iso}T09:00:00Z`);
}
