import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { DecisionCondition } from '../decisions/decision.entity';
import { BusinessCaseReport, BusinessCaseService } from '../business-case/business-case.service';
import { loadPlanFacts } from '../business-case/plan-facts';
import { todayIso } from '../common/dates';
import { PilotStageChange } from '../pilots/pilot-stage-change.entity';
import { Pilot } from '../pilots/pilot.entity';
import {
  gateCriteria,
  GateSubject,
  GateThresholds,
  nextOwnerStep,
  QualityFact,
} from '../pilots/stage-rules';
import { strategyFit } from '../pilots/strategy-fit';
import { ItCommitment } from '../readiness/it-commitment.entity';
import { PilotReadiness } from '../readiness/pilot-readiness.entity';
import { ReadinessItem } from '../readiness/readiness-item.entity';
import type { ItemStatus } from '../readiness/readiness-fields';
import { Readiness, readinessOf } from '../readiness/readiness-rules';
import { MonthlyResult } from '../results/monthly-result.entity';
import { GateSettings } from './gate-settings.entity';
import { Signal, signalsFor } from './signals';

export interface ChecklistRow {
  item: ReadinessItem;
  status: ItemStatus;
  evidence: string | null;
  changedBy: string | null;
  changedAt: Date | null;
  version: number;
}

/** Whole calendar months from one ISO date to another (15 May → 14 Nov is 5). */
export function fullMonthsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number);
  const [ty, tm, td] = toIso.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** Gathers the facts the gates and signals judge, from every part of the app. */
@Injectable()
export class GatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly businessCases: BusinessCaseService,
  ) {}

  async thresholds(em: EntityManager = this.dataSource.manager): Promise<GateSettings> {
    return em.findOneByOrFail(GateSettings, { id: 1 });
  }

  async checklist(
    pilotId: number,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ rows: ChecklistRow[]; readiness: Readiness }> {
    const [items, states] = await Promise.all([
      em.find(ReadinessItem, { order: { position: 'ASC', id: 'ASC' } }),
      em.findBy(PilotReadiness, { pilotId }),
    ]);
    // Inactive template items stay on the checklists that already have a status for them.
    const rows = items
      .filter((item) => item.active || states.some((s) => s.itemId === item.id))
      .map((item) => {
        const state = states.find((s) => s.itemId === item.id);
        return {
          item,
          status: state?.status ?? 'not_started',
          evidence: state?.evidence ?? null,
          changedBy: state?.changedBy ?? null,
          changedAt: state?.changedAt ?? null,
          version: state?.version ?? 0,
        };
      });
    return {
      rows,
      readiness: readinessOf(
        rows.map((r) => ({ title: r.item.title, critical: r.item.critical, status: r.status })),
      ),
    };
  }

  async subjectFor(
    pilot: Pilot,
    em: EntityManager = this.dataSource.manager,
    today = todayIso(),
  ): Promise<{ subject: GateSubject; report: BusinessCaseReport }> {
    const [planFacts, checklist, it, settings, incubation, monthly, report, conditions] =
      await Promise.all([
        loadPlanFacts(em, pilot),
        this.checklist(pilot.id, em),
        em.findOneBy(ItCommitment, { pilotId: pilot.id }),
        this.thresholds(em),
        em.findOne(PilotStageChange, {
          where: { pilotId: pilot.id, toStage: 'incubation' },
          order: { changedAt: 'ASC' },
        }),
        em.find(MonthlyResult, { where: { pilotId: pilot.id }, order: { month: 'DESC' }, take: 3 }),
        this.businessCases.report(pilot, new Date(`${today}T12:00:00Z`), em),
        em.find(DecisionCondition, {
          where: { pilotId: pilot.id, clearedAt: IsNull() },
          order: { id: 'ASC' },
        }),
      ]);
    const plan = planFacts.plan;
    const recent = monthly
      .filter((m) => !pilot.startMonth || m.month >= pilot.startMonth)
      .reverse();
    const mean = (values: Array<number | null>) => {
      const known = values.filter((v): v is number => v !== null);
      return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
    };
    const quality: QualityFact[] = [
      {
        label: 'CSAT',
        target: plan?.targetCsat ?? null,
        actual: mean(recent.map((m) => m.csat)),
        higherIsBetter: true,
        unit: ' %',
      },
      {
        label: 'FCR',
        target: plan?.targetFcr ?? null,
        actual: mean(recent.map((m) => m.fcr)),
        higherIsBetter: true,
        unit: ' %',
      },
      {
        label: 'Response time',
        target: plan?.targetResponseSeconds ?? null,
        actual: mean(recent.map((m) => m.responseSeconds)),
        higherIsBetter: false,
        unit: ' s',
      },
    ];
    const subject: GateSubject = {
      stage: pilot.stage,
      ownerName: pilot.ownerName,
      purposes: pilot.purposes,
      targetContactTypes: pilot.targetContactTypes,
      scope: pilot.scope,
      planMissing: planFacts.missing,
      monthsInIncubation: incubation
        ? fullMonthsBetween(todayIso(incubation.changedAt), today)
        : null,
      recentVolumes: recent.filter((m) => m.contacts !== null).map((m) => m.contacts as number),
      minMonthlyVolume: plan?.minMonthlyVolume ?? null,
      readiness: checklist.readiness,
      itLevel: it?.level ?? 'none',
      businessCase: report.result
        ? { proven: report.result.verdict.proven, reasons: report.result.verdict.reasons }
        : null,
      waterbedRatio: report.result?.totals.waterbedRatio ?? null,
      quality,
      strategyConflict: strategyFit(pilot.serviceStrategy, pilot.channelType).conflict,
      conflictAccepted: pilot.conflictAcceptedAt !== null,
      openConditions: conditions.map((c) => c.text),
      thresholds: thresholdsOf(settings),
    };
    return { subject, report };
  }

  /** The signals of each pilot, for the portfolio. */
  async signals(pilots: Pilot[], today = todayIso()): Promise<Map<number, Signal[]>> {
    const result = new Map<number, Signal[]>();
    if (!pilots.length) return result;
    const logged = await this.loggedMonths(pilots.map((p) => p.id));
    for (const pilot of pilots) {
      const { subject } = await this.subjectFor(pilot, this.dataSource.manager, today);
      result.set(pilot.id, this.signalsOf(pilot, subject, logged.get(pilot.id) ?? [], today));
    }
    return result;
  }

  /**
   * The next gate of a pilot as a checklist (the owner's step, or the board's review), with
   * the pilot's signals, from one gathering of the facts.
   */
  async nextGate(pilot: Pilot, today = todayIso()) {
    const [{ subject }, logged] = await Promise.all([
      this.subjectFor(pilot, this.dataSource.manager, today),
      this.loggedMonths([pilot.id]),
    ]);
    const signals = this.signalsOf(pilot, subject, logged.get(pilot.id) ?? [], today);
    const ownerStep = nextOwnerStep(pilot.stage);
    const target = ownerStep ?? (pilot.stage === 'scale_up_review' ? 'scaled' : null);
    if (!target) return { subject, signals, next: null };
    // The scale-up review's criteria are the ones the board weighs before scaling.
    const criteria = gateCriteria(subject, ownerStep ?? 'scale_up_review');
    return {
      subject,
      signals,
      next: {
        stage: target,
        ownerStep: ownerStep !== null,
        criteria,
        ready: criteria.every((c) => c.status === 'met'),
      },
    };
  }

  /** The months with results logged, per pilot. */
  private async loggedMonths(pilotIds: number[]): Promise<Map<number, string[]>> {
    const rows = await this.dataSource.getRepository(MonthlyResult).find({
      where: { pilotId: In(pilotIds) },
      select: { pilotId: true, month: true },
    });
    const byPilot = new Map<number, string[]>();
    for (const row of rows)
      byPilot.set(row.pilotId, [...(byPilot.get(row.pilotId) ?? []), row.month]);
    return byPilot;
  }

  private signalsOf(
    pilot: Pilot,
    subject: GateSubject,
    loggedMonths: string[],
    today: string,
  ): Signal[] {
    const failing =
      pilot.stage === 'scale_up_review'
        ? gateCriteria(subject, 'scale_up_review')
            .filter((c) => c.status !== 'met')
            .map((c) => c.label)
        : [];
    return signalsFor(
      {
        stage: pilot.stage,
        ownerName: pilot.ownerName,
        startMonth: pilot.startMonth,
        loggedMonths,
        nextReviewDate: pilot.nextReviewDate,
        stageEnteredOn: pilot.stageEnteredOn,
        waterbedRatio: subject.waterbedRatio,
        itLevel: subject.itLevel,
        monthsInIncubation: subject.monthsInIncubation,
        failingCriteria: failing,
      },
      subject.thresholds,
      today,
    );
  }
}

export function thresholdsOf(settings: GateSettings): GateThresholds {
  return {
    minIncubationMonths: settings.minIncubationMonths,
    readinessPct: settings.readinessPct,
    minItLevel: settings.minItLevel,
    maxWaterbedPct: settings.maxWaterbedPct,
    vendorStandaloneMonths: settings.vendorStandaloneMonths,
    maxMonthsInStage: settings.maxMonthsInStage,
  };
}
