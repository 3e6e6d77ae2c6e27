import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { DecisionCondition } from './decision.entity';
import { BusinessCaseReport, BusinessCaseService } from '../business-case/business-case.service';
import { CaseSummariesService } from '../business-case/case-summaries.service';
import { CaseSummary, summarise } from '../business-case/case-summary';
import { fullMonthsBetween, todayIso } from '../common/dates';
import type { Pilot } from '../pilots/pilot.entity';
import {
  gateCriteria,
  GateSubject,
  GateThresholds,
  nextOwnerStep,
  QualityFact,
} from './stage-rules';
import { strategyFit } from './strategy-fit';
import { ReadinessService } from '../readiness/readiness.service';
import { GateSettings } from './gate-settings.entity';
import { Signal, signalsFor } from './signals';
import { readAll } from '../database/read-all';
import { groupBy } from '../common/group-by';
import { LedgerService } from '../ledger/ledger.service';
import type { PilotOverlap } from '../ledger/ledger.types';

export interface GateFacts {
  subject: GateSubject;
  report: BusinessCaseReport;
  /** The report as the signals read it (sign-offs left out: no gate looks at them). */
  summary: CaseSummary;
}

export interface PilotSignals {
  subject: GateSubject;
  summary: CaseSummary;
  signals: Signal[];
}

/** Gathers the facts the gates and signals judge, from every part of the app. */
@Injectable()
export class GatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly businessCases: BusinessCaseService,
    private readonly caseSummaries: CaseSummariesService,
    private readonly readiness: ReadinessService,
    private readonly ledger: LedgerService,
  ) {}

  async thresholds(em: EntityManager = this.dataSource.manager): Promise<GateSettings> {
    return em.findOneByOrFail(GateSettings, { id: 1 });
  }

  async subjectFor(
    pilot: Pilot,
    em: EntityManager = this.dataSource.manager,
    today = todayIso(),
  ): Promise<GateFacts> {
    return (await this.subjects([pilot], em, today)).get(pilot.id) as GateFacts;
  }

  /**
   * The gate facts of pilots, computed from their data now (the gates themselves, inside a
   * transaction when a stage moves): a fixed number of queries for any number of pilots.
   */
  async subjects(
    pilots: Pilot[],
    em: EntityManager = this.dataSource.manager,
    today = todayIso(),
  ): Promise<Map<number, GateFacts>> {
    const reports = await this.businessCases.reports(pilots, {
      today: new Date(`${today}T12:00:00Z`),
      em,
    });
    const summaries = new Map(
      [...reports].map(([id, report]) => [id, summarise(report, [])] as const),
    );
    const subjects = await this.subjectsOf(pilots, summaries, em, today);
    return new Map(
      pilots.map((p) => [
        p.id,
        {
          subject: subjects.get(p.id) as GateSubject,
          report: reports.get(p.id)!,
          summary: summaries.get(p.id)!,
        },
      ]),
    );
  }

  /**
   * The signals of each pilot, for the portfolio and the dashboard, with the facts they were
   * judged on. The business cases come from the summary cache: hundreds of pilots stay fast.
   */
  /** `everyPilot`: the whole portfolio when the caller has it (the overlaps look across it). */
  async signals(
    pilots: Pilot[],
    today = todayIso(),
    everyPilot?: Pilot[],
  ): Promise<Map<number, PilotSignals>> {
    const [summaries, overlaps] = await Promise.all([
      this.caseSummaries.summaries(pilots, new Date(`${today}T12:00:00Z`)),
      this.ledger.overlapsByPilot(everyPilot),
    ]);
    const subjects = await this.subjectsOf(pilots, summaries, this.dataSource.manager, today);
    return new Map(
      pilots.map((pilot) => {
        const subject = subjects.get(pilot.id) as GateSubject;
        const summary = summaries.get(pilot.id) as CaseSummary;
        return [
          pilot.id,
          {
            subject,
            summary,
            signals: this.signalsOf(pilot, subject, summary, today, overlaps.get(pilot.id) ?? []),
          },
        ];
      }),
    );
  }

  private async subjectsOf(
    pilots: Pilot[],
    summaries: Map<number, CaseSummary>,
    em: EntityManager,
    today: string,
  ): Promise<Map<number, GateSubject>> {
    const result = new Map<number, GateSubject>();
    if (!pilots.length) return result;
    const ids = pilots.map((p) => p.id);
    const [readinessOf, settings, conditions] = await readAll(em, [
      () => this.readiness.ofPilots(ids, em),
      () => this.thresholds(em),
      () =>
        em.find(DecisionCondition, {
          where: { pilotId: In(ids), clearedAt: IsNull() },
          order: { id: 'ASC' },
        }),
    ] as const);
    const thresholds = thresholdsOf(settings);
    const conditionsOf = groupBy(conditions, (c) => c.pilotId);
    for (const pilot of pilots) {
      const summary = summaries.get(pilot.id) as CaseSummary;
      const plan = summary.plan;
      const { readiness, itLevel } = readinessOf.get(pilot.id)!;
      const recent = summary.recent;
      const mean = (values: Array<number | null>) => {
        const known = values.filter((v): v is number => v !== null);
        return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
      };
      const quality: QualityFact[] = [
        {
          label: t('gate.quality.csat'),
          target: plan?.targetCsat ?? null,
          actual: mean(recent.map((m) => m.csat)),
          higherIsBetter: true,
          unit: ' %',
        },
        {
          label: t('gate.quality.fcr'),
          target: plan?.targetFcr ?? null,
          actual: mean(recent.map((m) => m.fcr)),
          higherIsBetter: true,
          unit: ' %',
        },
        {
          label: t('gate.quality.response'),
          target: plan?.targetResponseSeconds ?? null,
          actual: mean(recent.map((m) => m.responseSeconds)),
          higherIsBetter: false,
          unit: ' s',
        },
      ];
      result.set(pilot.id, {
        stage: pilot.stage,
        ownerName: pilot.ownerName,
        purposes: pilot.purposes,
        targetContactTypes: pilot.targetContactTypes,
        scope: pilot.scope,
        planMissing: summary.planMissing,
        monthsInIncubation: summary.incubationStartedAt
          ? fullMonthsBetween(summary.incubationStartedAt.slice(0, 10), today)
          : null,
        recentVolumes: recent.filter((m) => m.contacts !== null).map((m) => m.contacts as number),
        minMonthlyVolume: plan?.minMonthlyVolume ?? null,
        readiness,
        itLevel,
        businessCase: summary.result
          ? { proven: summary.result.verdict.proven, reasons: summary.result.verdict.reasons }
          : null,
        waterbedRatio: summary.result?.totals.waterbedRatio ?? null,
        quality,
        strategyConflict: strategyFit(pilot.serviceStrategy, pilot.channelType).conflict,
        conflictAccepted: pilot.conflictAcceptedAt !== null,
        openConditions: (conditionsOf.get(pilot.id) ?? []).map((c) => c.text),
        thresholds,
      });
    }
    return result;
  }

  /**
   * The next gate of a pilot as a checklist (the owner's step, or the board's review), with
   * the pilot's signals, from one gathering of the facts.
   */
  async nextGate(pilot: Pilot, today = todayIso()) {
    const [{ subject, summary }, overlaps] = await Promise.all([
      this.subjectFor(pilot, this.dataSource.manager, today),
      this.ledger.overlapsByPilot(),
    ]);
    const signals = this.signalsOf(pilot, subject, summary, today, overlaps.get(pilot.id) ?? []);
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

  private signalsOf(
    pilot: Pilot,
    subject: GateSubject,
    summary: CaseSummary,
    today: string,
    overlaps: PilotOverlap[],
  ): Signal[] {
    const loggedMonths = summary.months.map(([month]) => month);
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
        overlaps,
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
