import { Heavy } from '../common/heavy-requests';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { businessCaseCharts } from '../business-case/business-case.charts';
import { todayIso } from '../common/dates';
import { GatesService } from '../gates/gates.service';
import { strategyFit } from '../pilots/strategy-fit';
import { PilotsService } from '../pilots/pilots.service';
import { INTEGRATION_LABELS, ITEM_STATUS_LABELS } from '../readiness/readiness-fields';
import { ReadinessService } from '../readiness/readiness.service';
import { OUTCOME_LABELS, OUTCOMES, targetStage } from './decision-rules';
import { DecisionsService } from './decisions.service';

/**
 * The board pack: one printable page (and, through the browser's print, a PDF) with all a
 * board needs for a pilot's review. Read-only; the decision itself is taken on the review page.
 */
@Controller('pilots/:slug')
export class BoardPackController {
  constructor(
    private readonly pilots: PilotsService,
    private readonly decisions: DecisionsService,
    private readonly gates: GatesService,
    private readonly readiness: ReadinessService,
  ) {}

  @Get('board-pack')
  @Heavy()
  async show(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const pilot = await this.pilots.get(slug);
    const [facts, stageChanges, timeline, conditions, checklist, it] = await Promise.all([
      this.decisions.reviewFacts(pilot),
      this.pilots.stageChanges(pilot.id),
      this.decisions.timeline(pilot.id),
      this.decisions.conditions(pilot.id),
      this.gates.checklist(pilot.id),
      this.readiness.it(pilot.id),
    ]);
    const { report, criteria } = facts;
    res.render('decisions/board-pack', {
      title: `Board pack · ${pilot.name}`,
      printedOn: todayIso(),
      fit: strategyFit(pilot.serviceStrategy, pilot.channelType),
      stageChanges,
      criteria,
      criteriaMet: criteria.filter((c) => c.status === 'met').length,
      ...report, // the pilot, its plan and business case
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
      openConditions: conditions.filter((c) => !c.clearedAt),
      outcomes: OUTCOMES.filter((o) => targetStage(pilot.stage, o) !== null).map((o) => ({
        label: OUTCOME_LABELS[o],
        to: targetStage(pilot.stage, o),
      })),
    });
  }
}
