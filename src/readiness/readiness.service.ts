import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { readAll } from '../database/read-all';
import { groupBy } from '../common/group-by';
import { diffFields, FieldChange } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { centsToInput } from '../common/money';
import { Writer } from '../database/writer.service';
import { updateIfUnchanged } from '../database/update-if-unchanged';
import type { Pilot } from '../pilots/pilot.entity';
import { ItCommitment, ItIntegration } from './it-commitment.entity';
import { PilotReadiness } from './pilot-readiness.entity';
import { INTEGRATION_ITEMS, IntegrationItem, ItLevel } from './readiness-fields';
import { ReadinessItem } from './readiness-item.entity';
import { ChecklistItemDto, ItCommitmentDto, TemplateItemDto } from './dto/readiness-forms.dto';
import { ChecklistRow, checklistOf, Readiness } from './readiness-rules';
import { READINESS_WORDS } from './readiness-words';
import { EvidenceService } from '../evidence/evidence.service';
import { readableWith } from '../audit/readable-change';

const stale = (what: 'staleItem' | 'staleIt') =>
  new DomainError('conflict', t('readiness.stale', { what: t(`readiness.${what}`) }));

/** Checklist statuses, IT commitment and the checklist template. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly evidence: EvidenceService,
  ) {}

  /** A pilot's checklist: the template's items with the pilot's statuses. */
  async checklist(
    pilotId: number,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ rows: ChecklistRow[]; readiness: Readiness }> {
    const [items, states] = await readAll(em, [
      () => this.templateItems(em),
      () => em.findBy(PilotReadiness, { pilotId }),
    ] as const);
    return checklistOf(items, states);
  }

  /** The changes to a pilot's checklist items, newest first, in the form's words. */
  async checklistHistory(pilotId: number, rows: ChecklistRow[]) {
    const entries = await this.audit.forPilot(pilotId);
    return entries
      .filter(
        (e) => e.action === 'update' && rows.some((r) => e.field?.startsWith(`${r.item.title}: `)),
      )
      .map((e) => ({ at: e.at, actor: e.actor, ...readableWith(e, [READINESS_WORDS]) }));
  }

  /** The readiness and IT commitment level of each pilot, for the gates: three queries in all. */
  async ofPilots(
    pilotIds: number[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, { readiness: Readiness; itLevel: ItLevel }>> {
    const [items, states, its] = await readAll(em, [
      () => this.templateItems(em),
      () => em.findBy(PilotReadiness, { pilotId: In(pilotIds) }),
      () => em.findBy(ItCommitment, { pilotId: In(pilotIds) }),
    ] as const);
    const statesOf = groupBy(states, (row) => row.pilotId);
    const itOf = new Map(its.map((row) => [row.pilotId, row.level]));
    return new Map(
      pilotIds.map((id) => [
        id,
        {
          readiness: checklistOf(items, statesOf.get(id) ?? []).readiness,
          itLevel: itOf.get(id) ?? 'none',
        },
      ]),
    );
  }

  /** Sets one checklist item of a pilot; `version` is the one the page showed (0 for never set). */
  /** A checklist item of the template, or a 404. */
  async item(id: number): Promise<ReadinessItem> {
    const item = await this.dataSource.getRepository(ReadinessItem).findOneBy({ id });
    if (!item) throw DomainError.notFound('checklistItem');
    return item;
  }

  setItem(pilot: Pilot, itemId: number, dto: ChecklistItemDto, actor: string): Promise<void> {
    const { status, evidence, version } = dto;
    return this.writer.write(async (em) => {
      const item = await em.findOneBy(ReadinessItem, { id: itemId });
      if (!item) throw DomainError.notFound('checklistItem');
      // Done rests on evidence: a line of text, or a file attached to the item.
      if (
        status === 'done' &&
        !evidence &&
        !(await this.evidence.count(em, pilot.id, 'readiness', itemId))
      )
        throw DomainError.field('evidence', t('readiness.sayEvidence'));
      const existing = await em.findOneBy(PilotReadiness, { pilotId: pilot.id, itemId });
      if ((existing?.version ?? 0) !== version) throw stale('staleItem');
      const changes = diffFields(
        { status: existing?.status ?? 'not_started', evidence: existing?.evidence ?? null },
        { status, evidence },
        ['status', 'evidence'],
      ).map((c) => ({ ...c, field: `${item.title}: ${c.field}` }));
      if (!changes.length) return;
      const now = new Date();
      if (existing) {
        const values = { status, evidence, changedBy: actor, changedAt: now };
        if (!(await updateIfUnchanged(em, PilotReadiness, existing, values))) {
          throw stale('staleItem');
        }
      } else {
        await em.insert(PilotReadiness, {
          pilotId: pilot.id,
          itemId,
          status,
          evidence,
          changedBy: actor,
          changedAt: now,
          version: 1,
        });
      }
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'readiness', entityId: pilot.id, pilotId: pilot.id },
        changes,
        now,
      );
    });
  }

  /**
   * A new pilot's checklist taken over from the pilot it is like, inside its registration: which
   * items do not apply. Everything else starts open; no status or evidence is copied.
   */
  async copyApplicability(em: EntityManager, from: Pilot, to: Pilot, actor: string): Promise<void> {
    const skipped = await em.findBy(PilotReadiness, {
      pilotId: from.id,
      status: 'not_applicable',
    });
    if (!skipped.length) return;
    const now = new Date();
    await em.insert(
      PilotReadiness,
      skipped.map((row) => ({
        pilotId: to.id,
        itemId: row.itemId,
        status: 'not_applicable' as const,
        evidence: null,
        changedBy: actor,
        changedAt: now,
        version: 1,
      })),
    );
    const items = await em.findBy(ReadinessItem, { id: In(skipped.map((r) => r.itemId)) });
    await this.audit.recordChanges(
      em,
      actor,
      { entityType: 'readiness', entityId: to.id, pilotId: to.id },
      items.map((item) => ({
        field: `${item.title}: status`,
        oldValue: 'not_started',
        newValue: `not_applicable (as for ${from.name})`,
      })),
      now,
    );
  }

  async it(
    pilotId: number,
  ): Promise<{ commitment: ItCommitment | null; integrations: ItIntegration[] }> {
    const [commitment, integrations] = await Promise.all([
      this.dataSource.getRepository(ItCommitment).findOneBy({ pilotId }),
      this.dataSource.getRepository(ItIntegration).findBy({ pilotId }),
    ]);
    return { commitment, integrations };
  }

  itFormValues(
    commitment: ItCommitment | null,
    integrations: ItIntegration[],
  ): Record<string, unknown> {
    const values: Record<string, unknown> = {
      level: commitment?.level ?? 'none',
      itOwner: commitment?.itOwner ?? '',
      budget: centsToInput(commitment?.budgetCommittedCents),
      roadmapSlot: commitment?.roadmapSlot ?? '',
      targetDate: commitment?.targetDate ?? '',
      version: commitment?.version ?? 0,
    };
    for (const item of INTEGRATION_ITEMS) {
      values[`integration_${item}`] =
        integrations.find((i) => i.item === item)?.status ?? 'not_started';
    }
    return values;
  }

  saveIt(pilot: Pilot, dto: ItCommitmentDto, actor: string): Promise<void> {
    const { level, itOwner, budget: budgetCommittedCents, roadmapSlot, targetDate, version } = dto;
    const integrations = INTEGRATION_ITEMS.map((item) => ({
      item,
      status: dto[`integration_${item}`],
    }));
    return this.writer.write(async (em) => {
      const existing = await em.findOneBy(ItCommitment, { pilotId: pilot.id });
      if ((existing?.version ?? 0) !== version) throw stale('staleIt');
      const now = new Date();
      const next = { level, itOwner, budgetCommittedCents, roadmapSlot, targetDate };
      const changes: FieldChange[] = diffFields(
        existing ?? {
          level: 'none',
          itOwner: null,
          budgetCommittedCents: null,
          roadmapSlot: null,
          targetDate: null,
        },
        next,
        ['level', 'itOwner', 'budgetCommittedCents', 'roadmapSlot', 'targetDate'],
      ).map((c) => ({ ...c, field: `IT ${c.field}` }));
      const current = await em.findBy(ItIntegration, { pilotId: pilot.id });
      const integrationChanges = integrations.flatMap(({ item, status }) => {
        const row = current.find((c) => c.item === item);
        const before = row?.status ?? 'not_started';
        return before === status ? [] : [{ item, status, row, before }];
      });
      // Saved unchanged: nothing to store, so "last changed by" keeps telling the truth.
      if (existing && !changes.length && !integrationChanges.length) return;
      if (existing) {
        const values = { ...next, updatedBy: actor, updatedAt: now };
        if (!(await updateIfUnchanged(em, ItCommitment, existing, values))) throw stale('staleIt');
      } else {
        await em.insert(ItCommitment, {
          ...next,
          pilotId: pilot.id,
          version: 1,
          updatedBy: actor,
          updatedAt: now,
        });
      }
      for (const { item, status, row, before } of integrationChanges) {
        changes.push({ field: `IT integration ${item}`, oldValue: before, newValue: status });
        if (row) await em.update(ItIntegration, { id: row.id }, { status });
        else
          await em.insert(ItIntegration, {
            pilotId: pilot.id,
            item: item as IntegrationItem,
            status,
          });
      }
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'it', entityId: pilot.id, pilotId: pilot.id },
        changes,
        now,
      );
    });
  }

  /** The checklist template, in its order (inactive items too). */
  templateItems(em: EntityManager = this.dataSource.manager): Promise<ReadinessItem[]> {
    return em.find(ReadinessItem, { order: { position: 'ASC', id: 'ASC' } });
  }

  /** Adds (no id) or changes a template item. */
  saveTemplateItem(id: number | null, dto: TemplateItemDto, actor: string): Promise<ReadinessItem> {
    const values = {
      title: dto.title,
      description: dto.description,
      position: dto.position ?? 0,
      critical: dto.critical,
      // A new item is on every checklist at once.
      active: id === null || dto.active,
    };
    return this.writer.write(async (em) => {
      const now = new Date();
      if (id === null) {
        const saved = await em.save(
          em.create(ReadinessItem, { ...values, version: 1, updatedAt: now }),
        );
        await this.audit.recordCreate(
          em,
          actor,
          { entityType: 'readiness_item', entityId: saved.id, pilotId: null },
          now,
        );
        return saved;
      }
      const existing = await em.findOneBy(ReadinessItem, { id });
      if (!existing) throw DomainError.notFound('checklistItem');
      if (existing.version !== dto.version) throw stale('staleItem');
      const changes = diffFields(existing, values, [
        'title',
        'description',
        'position',
        'critical',
        'active',
      ]);
      // Saved unchanged: nothing to store, no version to bump, nothing to audit.
      if (!changes.length) return existing;
      if (!(await updateIfUnchanged(em, ReadinessItem, existing, { ...values, updatedAt: now })))
        throw stale('staleItem');
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'readiness_item', entityId: id, pilotId: null },
        changes,
        now,
      );
      return { ...existing, ...values };
    });
  }
}
