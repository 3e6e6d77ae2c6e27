import { t } from '../i18n/translate';
import { said } from '../common/phrase';
import { CommentsService } from '../comments/comments.service';
import { Injectable } from '@nestjs/common';
import { overlapSentence } from '../ledger/ledger-rules';
import { LedgerService } from '../ledger/ledger.service';
import { businessCaseCharts } from '../business-case/business-case.charts';
import { todayIso } from '../common/dates';
import { OUTCOME_LABELS, OUTCOMES, targetStage } from '../lifecycle/decision-rules';
import { DecisionsService } from '../lifecycle/decisions.service';
import { strategyFit } from '../lifecycle/strategy-fit';
import { PilotsService } from '../pilots/pilots.service';
import { INTEGRATION_LABELS, ITEM_STATUS_LABELS } from '../readiness/readiness-fields';
import { ReadinessService } from '../readiness/readiness.service';

/** What the board pack shows of a pilot: the review's facts, figures, checklist and timeline. */
@Injectable()
export class BoardPackPresenter {
  constructor(
    private readonly pilots: PilotsService,
    private readonly decisions: DecisionsService,
    private readonly readiness: ReadinessService,
    private readonly ledger: LedgerService,
    private readonly comments: CommentsService,
  ) {}

  /**
   * `portfolioOverlaps`: the whole portfolio's overlaps when the caller has them already (a
   * meeting's combined pack holds several pilots' packs and reads them once).
   */
  async boardPack(
    slug: string,
    portfolioOverlaps?: Awaited<ReturnType<LedgerService['overlapsByPilot']>>,
  ) {
    const pilot = await this.pilots.get(slug);
    const [facts, stageChanges, timeline, conditions, checklist, it, overlaps, comments] =
      await Promise.all([
        this.decisions.reviewFacts(pilot),
        this.pilots.stageChanges(pilot.id),
        this.decisions.timeline(pilot.id),
        this.decisions.conditions(pilot.id),
        this.readiness.checklist(pilot.id),
        this.readiness.it(pilot.id),
        portfolioOverlaps ?? this.ledger.overlapsByPilot(),
        this.comments.ofPilot(pilot.id),
      ]);
    const { report, criteria } = facts;
    return {
      title: t('bp.title', { name: pilot.name }),
      printedOn: todayIso(),
      fit: strategyFit(pilot.serviceStrategy, pilot.channelType),
      stageChanges,
      criteria,
      criteriaMet: criteria.filter((c) => c.status === 'met').length,
      ...report, // the pilot, its plan and business case
      missing: said(report.missing),
      planMissing: said(report.planMissing),
      result: said(report.result),
      charts: businessCaseCharts(report),
      checklist: checklist.rows.map((row) => ({
        ...row,
        statusLabel: ITEM_STATUS_LABELS[row.status],
      })),
      readiness: checklist.readiness,
      it: it.commitment,
      itLevel: it.commitment?.level ?? 'none',
      integrations: it.integrations.map((i) => ({
        label: INTEGRATION_LABELS[i.item],
        status: ITEM_STATUS_LABELS[i.status],
      })),
      timeline,
      comments,
      overlaps: (overlaps.get(pilot.id) ?? []).map(overlapSentence),
      openConditions: conditions.filter((c) => !c.clearedAt),
      outcomes: OUTCOMES.filter((o) => targetStage(pilot.stage, o) !== null).map((o) => ({
        label: OUTCOME_LABELS[o],
        to: targetStage(pilot.stage, o),
      })),
    };
  }
}
