import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrors } from '../common/domain-error';
import { BusinessCaseService } from '../business-case/business-case.service';
import { CaseSummariesService } from '../business-case/case-summaries.service';
import { SignoffsService } from '../business-case/signoffs.service';
import { financeRow } from '../dashboards/finance-dashboard';
import { DecisionsService } from '../lifecycle/decisions.service';
import { GatesService } from '../lifecycle/gates.service';
import { LedgerService } from '../ledger/ledger.service';
import { CHANNEL_TYPES, STAGES } from '../pilots/pilot-fields';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotsService, PortfolioFilter } from '../pilots/pilots.service';
import { ReadinessService } from '../readiness/readiness.service';
import type { PilotDetail, PilotList, PilotSummary } from './dto/pilot.dto';
import type { DecisionRecord, FinanceSummary, ItStatus, Readiness } from './dto/pilot-records.dto';

/** Pilots a page of the list when the client does not say, and the most it may ask for. */
const PER_PAGE = 50;
const MOST_PER_PAGE = 200;

/** The JSON answers of the read routes: the pages' data, in the API's stable keys. */
@Injectable()
export class PilotsApiPresenter {
  constructor(
    private readonly pilots: PilotsService,
    private readonly gates: GatesService,
    private readonly readiness: ReadinessService,
    private readonly decisions: DecisionsService,
    private readonly businessCases: BusinessCaseService,
    private readonly summaries: CaseSummariesService,
    private readonly signoffs: SignoffsService,
    private readonly ledger: LedgerService,
  ) {}

  /** The portfolio's filters and a page of it, by name; a 400 names a filter it cannot use. */
  async list(query: Record<string, unknown>): Promise<PilotList> {
    const { filter, page, perPage } = listQuery(query);
    const pilots = await this.pilots.list(filter);
    const start = (page - 1) * perPage;
    const params = new URLSearchParams(
      Object.entries({ ...filter, perPage: String(perPage) }).filter(
        (entry): entry is [string, string] => Boolean(entry[1]),
      ),
    );
    params.set('page', String(page + 1));
    return {
      page,
      perPage,
      total: pilots.length,
      next: start + perPage < pilots.length ? `/api/v1/pilots?${params.toString()}` : null,
      pilots: pilots.slice(start, start + perPage).map(summaryOf),
    };
  }

  async pilot(pilot: Pilot): Promise<PilotDetail> {
    const signals = (await this.gates.signals([pilot])).get(pilot.id)?.signals ?? [];
    return {
      ...summaryOf(pilot),
      description: pilot.description,
      targetContactTypes: pilot.targetContactTypes,
      scope: pilot.scope,
      controlScope: pilot.controlScope,
      serviceStrategy: pilot.serviceStrategy,
      sponsor: pilot.sponsor,
      itContact: pilot.itContact,
      operationsLead: pilot.operationsLead,
      financeController: pilot.financeController,
      version: pilot.version,
      signals: signals.map(({ key, label, reason }) => ({ key, label, reason })),
    };
  }

  async readinessOf(pilot: Pilot): Promise<Readiness> {
    const { rows, readiness } = await this.readiness.checklist(pilot.id);
    return {
      ...readiness,
      items: rows.map((row) => ({
        id: row.item.id,
        title: row.item.title,
        critical: row.item.critical,
        status: row.status,
        evidence: row.evidence,
        changedBy: row.changedBy,
        changedAt: row.changedAt?.toISOString() ?? null,
      })),
    };
  }

  async itOf(pilot: Pilot): Promise<ItStatus> {
    const { commitment, integrations } = await this.readiness.it(pilot.id);
    return {
      level: commitment?.level ?? 'none',
      itOwner: commitment?.itOwner ?? null,
      budgetCommitted:
        commitment?.budgetCommittedCents == null ? null : commitment.budgetCommittedCents / 100,
      roadmapSlot: commitment?.roadmapSlot ?? null,
      targetDate: commitment?.targetDate ?? null,
      integrations: integrations.map(({ item, status }) => ({ item, status })),
    };
  }

  async decisionsOf(pilot: Pilot): Promise<DecisionRecord[]> {
    const [decisions, conditions] = await Promise.all([
      this.decisions.timeline(pilot.id),
      this.decisions.conditions(pilot.id),
    ]);
    return decisions.map((d) => ({
      id: d.id,
      decidedOn: d.decidedOn,
      fromStage: d.fromStage,
      toStage: d.toStage,
      outcome: d.outcome,
      rationale: d.rationale,
      members: d.members,
      nextReviewDate: d.nextReviewDate,
      corrects: d.correctsId,
      recordedBy: d.recordedBy,
      recordedAt: d.recordedAt.toISOString(),
      conditions: conditions
        .filter((c) => c.decisionId === d.id)
        .map((c) => ({
          text: c.text,
          clearedBy: c.clearedBy,
          clearedAt: c.clearedAt?.toISOString() ?? null,
        })),
    }));
  }

  /** The finance dashboard's line of the pilot (its whole run), with every sign-off. */
  async financeOf(pilot: Pilot): Promise<FinanceSummary> {
    const [summaries, overlaps, report] = await Promise.all([
      this.summaries.summaries([pilot]),
      this.ledger.overlapsByPilot(),
      this.businessCases.report(pilot),
    ]);
    const row = financeRow(pilot, summaries.get(pilot.id)!, overlaps.get(pilot.id) ?? []);
    const signoffs = await this.signoffs.statuses(report);
    return {
      missing: row.missing,
      months: row.months,
      contacts: row.contacts,
      claimed: row.claimed,
      realised: row.realised,
      realisedHalfWidth: row.realisedHalfWidth,
      waterbed: row.waterbed,
      waterbedRatio: row.waterbedRatio,
      netBenefit: row.netBenefit,
      investment: row.investment,
      roi: row.roi,
      npv: row.npv,
      payback: row.payback.status,
      paybackMonth: row.payback.month,
      proven: row.proven,
      overlaps: row.overlaps,
      signoffs: signoffs.map(({ signoff, outdated }) => ({
        fromMonth: signoff.fromMonth,
        toMonth: signoff.toMonth,
        signedBy: signoff.signedBy,
        signedAt: signoff.signedAt.toISOString(),
        outdated,
      })),
    };
  }
}

function summaryOf(pilot: Pilot): PilotSummary {
  return {
    slug: pilot.slug,
    name: pilot.name,
    stage: pilot.stage,
    stageEnteredOn: pilot.stageEnteredOn,
    channelType: pilot.channelType,
    purposes: pilot.purposes,
    channels: pilot.affectedChannels.map((c) => c.key),
    owner: pilot.ownerName,
    department: pilot.ownerDepartment,
    startMonth: pilot.startMonth,
    nextReviewDate: pilot.nextReviewDate,
  };
}

/** The list's query: the portfolio's filters, checked, and the page. */
export function listQuery(query: Record<string, unknown>): {
  filter: PortfolioFilter;
  page: number;
  perPage: number;
} {
  const errors: FieldErrors = {};
  const text = (name: string) => {
    const value = query[name];
    if (value === undefined || value === '') return '';
    if (typeof value !== 'string' || value.length > 200) {
      errors[name] = ['Give it once, as text of at most 200 characters.'];
      return '';
    }
    return value.trim();
  };
  const oneOf = (name: string, known: readonly string[]) => {
    const value = text(name);
    if (value && !known.includes(value))
      errors[name] = [`Unknown ${name}; known: ${known.join(', ')}.`];
    return value;
  };
  const whole = (name: string, fallback: number, most: number) => {
    const value = text(name);
    if (!value) return fallback;
    if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > most) {
      errors[name] = [`A whole number from 1 to ${most}.`];
      return fallback;
    }
    return Number(value);
  };
  const filter: PortfolioFilter = {
    q: text('q'),
    stage: oneOf('stage', STAGES),
    channelType: oneOf('channelType', CHANNEL_TYPES),
    department: text('department'),
    owner: text('owner'),
  };
  const page = whole('page', 1, 100_000);
  const perPage = whole('perPage', PER_PAGE, MOST_PER_PAGE);
  if (Object.keys(errors).length)
    throw new DomainError('bad_request', t('api.filtersUnreadable'), errors);
  return { filter, page, perPage };
}
