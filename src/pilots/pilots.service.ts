import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { diffFields } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { Channel } from '../channels/channel.entity';
import { ChannelsService } from '../channels/channels.service';
import { todayIso } from '../common/dates';
import { formatMonth, instantOfMonth, monthOf, type Month } from '../common/months';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../database/unique-violation';
import { lockRow } from '../database/row-lock';
import { findByPilots } from '../database/by-pilots';
import { Writer } from '../database/writer.service';
import { updateIfUnchanged } from '../database/update-if-unchanged';
import { PilotFormDto, RegisterPilotDto, UpdatePilotDto } from './dto/pilot-form.dto';
import { PilotStageChange } from './pilot-stage-change.entity';
import { Pilot } from './pilot.entity';
import { slugify } from './portfolio';
import type { User } from '../accounts/user.entity';
import { AccountsService } from '../accounts/accounts.service';
import { OWNER_REQUIRED_FROM, PURPOSES, type Stage } from './pilot-fields';
import { groupBy } from '../common/group-by';

export interface PortfolioFilter {
  q?: string;
  stage?: string;
  channelType?: string;
  department?: string;
  owner?: string;
}

/** The fields the edit form changes, in the order the history lists them. */
const EDITABLE_FIELDS = [
  'name',
  'slug',
  'description',
  'channelType',
  'purposes',
  'targetContactTypes',
  'scope',
  'controlScope',
  'ownerName',
  'ownerDepartment',
  'sponsor',
  'itContact',
  'operationsLead',
  'financeController',
  'serviceStrategy',
  'nextReviewDate',
] as const;

@Injectable()
export class PilotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
    private readonly accounts: AccountsService,
    private readonly channels: ChannelsService,
  ) {}

  /** Pilots by id, with their affected channels, in no particular order. */
  byIds(ids: number[]): Promise<Pilot[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(Pilot)
      .find({ where: { id: In(ids) }, relations: { affectedChannels: true } });
  }

  async list(filter: PortfolioFilter): Promise<Pilot[]> {
    const query = this.dataSource
      .getRepository(Pilot)
      .createQueryBuilder('pilot')
      .orderBy('pilot.name', 'ASC');
    if (filter.stage) query.andWhere('pilot.stage = :stage', { stage: filter.stage });
    if (filter.channelType)
      query.andWhere('pilot.channel_type = :channelType', { channelType: filter.channelType });
    if (filter.department)
      query.andWhere('pilot.owner_department = :department', { department: filter.department });
    if (filter.owner) query.andWhere('pilot.owner_name = :owner', { owner: filter.owner });
    if (filter.q) {
      const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((where) =>
          where
            .where("LOWER(pilot.name) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(pilot.description) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(pilot.slug) LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(pilot.lessons_learned) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    return this.withChannels(await query.getMany());
  }

  /**
   * Attaches each pilot's affected channels from the link table and the (short) channel list:
   * two plain queries instead of a join TypeORM hydrates row by row, 5× faster for a portfolio.
   */
  private async withChannels(pilots: Pilot[]): Promise<Pilot[]> {
    if (!pilots.length) return pilots;
    const ids = pilots.map((p) => p.id);
    const [channels, links] = await Promise.all([
      this.channels.all(),
      this.dataSource
        .createQueryBuilder()
        .select(['link.pilot_id AS "pilotId"', 'link.channel_id AS "channelId"'])
        .from('pilot_affected_channel', 'link')
        .where('link.pilot_id IN (:...ids)', { ids })
        .getRawMany<{ pilotId: number; channelId: number }>(),
    ]);
    const channelOf = new Map(channels.map((c) => [c.id, c]));
    const linksOf = groupBy(links, (link) => Number(link.pilotId));
    for (const pilot of pilots)
      pilot.affectedChannels = (linksOf.get(pilot.id) ?? [])
        .map((link) => channelOf.get(Number(link.channelId)))
        .filter((channel): channel is Channel => channel !== undefined)
        .sort((a, b) => a.position - b.position);
    return pilots;
  }

  /** The distinct departments and owners, for the portfolio's filter lists. */
  async filterOptions(): Promise<{ departments: string[]; owners: string[] }> {
    const rows = await this.dataSource
      .getRepository(Pilot)
      .createQueryBuilder('pilot')
      .select(['pilot.owner_department AS department', 'pilot.owner_name AS owner'])
      .getRawMany<{ department: string | null; owner: string | null }>();
    const distinct = (values: Array<string | null>) =>
      [...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) =>
        a.localeCompare(b),
      );
    return {
      departments: distinct(rows.map((row) => row.department)),
      owners: distinct(rows.map((row) => row.owner)),
    };
  }

  async get(slug: string, em: EntityManager = this.dataSource.manager): Promise<Pilot> {
    const pilot = await em.findOne(Pilot, {
      where: { slug },
      relations: { affectedChannels: true },
    });
    if (!pilot) throw DomainError.notFound('pilot', slug);
    pilot.affectedChannels.sort((a, b) => a.position - b.position);
    return pilot;
  }

  /** The pilots with these URL names, with their affected channels (inside a transaction). */
  bySlugs(slugs: string[], em: EntityManager = this.dataSource.manager): Promise<Pilot[]> {
    return em.find(Pilot, { where: { slug: In(slugs) }, relations: { affectedChannels: true } });
  }

  /** The pilot's row, locked until the transaction ends on PostgreSQL (a decision's check). */
  lock(em: EntityManager, id: number): Promise<Pilot | null> {
    return lockRow(em, Pilot, id);
  }

  /** The pilot as stored now, inside the caller's transaction. */
  current(em: EntityManager, id: number): Promise<Pilot | null> {
    return em.findOneBy(Pilot, { id });
  }

  /** Pilots in scale-up review, or not finished with a review on or before `date`, soonest first. */
  dueForReview(date: string): Promise<Pilot[]> {
    return this.dataSource
      .getRepository(Pilot)
      .createQueryBuilder('pilot')
      .where("pilot.stage = 'scale_up_review'")
      .orWhere(
        "pilot.stage NOT IN ('stopped', 'scaled') AND pilot.next_review_date IS NOT NULL AND pilot.next_review_date <= :date",
        { date },
      )
      .orderBy('pilot.next_review_date', 'ASC')
      .getMany();
  }

  /** When each pilot first moved into incubation (its stage history), by pilot id. */
  async incubationStarts(ids: number[], em: EntityManager = this.dataSource.manager) {
    const moves = await findByPilots(em, PilotStageChange, ids, { toStage: 'incubation' });
    const first = new Map<number, Date>();
    for (const move of moves) {
      const known = first.get(move.pilotId);
      if (!known || move.changedAt < known) first.set(move.pilotId, move.changedAt);
    }
    return first;
  }

  /**
   * Saves the given columns if nobody saved the pilot since it was read (the version check is in
   * the UPDATE itself); false if someone did. The affected channels are a relation, not columns.
   */
  updateIfUnchanged(em: EntityManager, pilot: Pilot, fields: Partial<Pilot>): Promise<boolean> {
    const { affectedChannels: _ignored, ...columns } = fields;
    return updateIfUnchanged(em, Pilot, pilot, columns);
  }

  /** The pilot's moves between stages, oldest first. */
  stageChanges(
    pilotId: number,
    em: EntityManager = this.dataSource.manager,
  ): Promise<PilotStageChange[]> {
    return em.find(PilotStageChange, {
      where: { pilotId },
      order: { changedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * `ownerUserId`: the account that will keep the pilot (the channel owner who registers it).
   * `like`: a pilot it starts from; `copy` writes what other features take over from it (the plan,
   * the checklist's applicability) in the same transaction, and the history names it.
   */
  async create(
    dto: RegisterPilotDto,
    actor: string,
    ownerUserId: number | null = null,
    like?: { from: Pilot; copy: (em: EntityManager, pilot: Pilot) => Promise<void> },
  ): Promise<Pilot> {
    return this.writeWithSlug(async (em) => {
      const owner = await this.ownerOf(em, ownerUserId);
      const reason = like ? `Registered like ${like.from.name} (${like.from.slug})` : 'Registered';
      const pilot = await this.insert(em, dto, actor, owner, reason);
      if (like) await like.copy(em, pilot);
      return pilot;
    });
  }

  /** The accounts a pilot may be handed to: active channel owners, by name. */
  ownerAccounts(): Promise<User[]> {
    return this.accounts.ownerAccounts();
  }

  /** The owner's account and name; refused unless it is an active channel owner's account. */
  private async ownerOf(
    em: EntityManager,
    userId: number | null,
  ): Promise<{ ownerUserId: number | null; ownerName: string | null }> {
    if (userId === null) return { ownerUserId: null, ownerName: null };
    const user = await this.accounts.activeOwner(userId, em);
    if (!user) throw DomainError.field('ownerUserId', t('pilot.ownerFromList'));
    return { ownerUserId: user.id, ownerName: user.name };
  }

  private async insert(
    em: EntityManager,
    dto: RegisterPilotDto,
    actor: string,
    owner: { ownerUserId: number | null; ownerName: string | null },
    reason: string,
  ): Promise<Pilot> {
    const slug = dto.slug ?? slugify(dto.name);
    if (!slug) throw DomainError.field('slug', t('pilot.slugNeeded'));
    await this.assertSlugFree(em, slug, null);
    const channels = await this.loadChannels(em, dto.affectedChannelIds, []);
    const now = new Date();
    const { startedIn } = dto;
    if (startedIn) assertStartMonth(startedIn, now);
    const pilot = em.create(Pilot, {
      ...this.fieldsOf(dto),
      ...owner,
      slug,
      stage: 'idea',
      stageEnteredOn: startedIn ? `${startedIn}-01` : todayIso(now),
      lessonsLearned: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      affectedChannels: channels,
    });
    await em.save(pilot);
    await this.writeRegistration(em, pilot, actor, reason, startedIn);
    await this.audit.recordCreate(
      em,
      actor,
      { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
      now,
    );
    return pilot;
  }

  /**
   * `mayAssignOwner`: the editor may hand the pilot to another owner's account (admins); for
   * anyone else the owner stays as it is, whatever the form sent.
   */
  async update(
    slug: string,
    dto: UpdatePilotDto,
    actor: string,
    mayAssignOwner = false,
  ): Promise<Pilot> {
    return this.writeWithSlug(async (em) => {
      const pilot = await this.get(slug, em);
      this.assertVersion(pilot, dto.version);
      // A pilot named before owners were accounts keeps its owner's name until one is chosen.
      const keep =
        !mayAssignOwner || (dto.ownerUserId === null && pilot.ownerUserId === null)
          ? { ownerUserId: pilot.ownerUserId, ownerName: pilot.ownerName }
          : await this.ownerOf(em, dto.ownerUserId);
      const next = { ...this.fieldsOf(dto), ...keep, slug: dto.slug ?? pilot.slug };
      if (OWNER_REQUIRED_FROM.includes(pilot.stage) && !next.ownerName) {
        throw DomainError.field(
          'ownerUserId',
          'A pilot in incubation or later must have an owner: choose a channel owner.',
        );
      }
      if (next.slug !== pilot.slug) await this.assertSlugFree(em, next.slug, pilot.id);
      const channels = await this.loadChannels(em, dto.affectedChannelIds, pilot.affectedChannels);

      // The same purposes in another order are the same purposes: keep them as stored.
      const samePurposes =
        next.purposes.length === pilot.purposes.length &&
        next.purposes.every((p) => pilot.purposes.includes(p));
      if (samePurposes) next.purposes = pilot.purposes;
      const changes = diffFields(pilot, next, [...EDITABLE_FIELDS]);
      const channelChange = diffFields(
        { affectedChannels: pilot.affectedChannels.map((c) => c.name).sort() },
        { affectedChannels: channels.map((c) => c.name).sort() },
        ['affectedChannels'],
      );
      if (!changes.length && !channelChange.length) return pilot;

      const now = new Date();
      await this.saveIfUnchanged(em, pilot, { ...next, updatedAt: now });
      if (channelChange.length) {
        await em
          .createQueryBuilder()
          .relation(Pilot, 'affectedChannels')
          .of(pilot.id)
          .addAndRemove(
            channels.map((c) => c.id),
            pilot.affectedChannels.map((c) => c.id),
          );
      }
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
        [...changes, ...channelChange],
        now,
      );
      return this.get(next.slug, em);
    });
  }

  /**
   * Writes a stage move: the stage (with the version check inside the UPDATE) and its row in
   * the stage history, and brings `pilot` up to date with them. Only the lifecycle's door
   * (lifecycle/stage-move.ts) calls this; it checks the move and writes the audit entry. False
   * when someone saved the pilot since it was read: nothing is written then.
   */
  async writeStage(
    em: EntityManager,
    pilot: Pilot,
    move: {
      to: Stage;
      actor: string;
      reason: string | null;
      at: Date;
      fields?: Partial<Pilot>;
      recordedBy?: string;
    },
  ): Promise<boolean> {
    const now = new Date();
    const columns: Partial<Pilot> = {
      ...move.fields,
      stage: move.to,
      updatedAt: move.recordedBy ? now : move.at,
    };
    if (move.to !== pilot.stage) columns.stageEnteredOn = todayIso(move.at);
    if (!(await this.updateIfUnchanged(em, pilot, columns))) return false;
    await em.insert(PilotStageChange, {
      pilotId: pilot.id,
      fromStage: pilot.stage,
      toStage: move.to,
      changedAt: move.at,
      actor: move.actor,
      reason: move.reason,
      recordedBy: move.recordedBy ?? null,
      recordedAt: move.recordedBy ? now : null,
    });
    Object.assign(pilot, columns, { version: pilot.version + 1 });
    return true;
  }

  /**
   * The first row of a new pilot's stage history: where it started, when, by whom. A pilot that
   * began before the app starts in the month given, recorded as such.
   */
  async writeRegistration(
    em: EntityManager,
    pilot: Pilot,
    actor: string,
    reason = 'Registered',
    startedIn: Month | null = null,
  ): Promise<void> {
    await em.insert(PilotStageChange, {
      pilotId: pilot.id,
      fromStage: null,
      toStage: pilot.stage,
      changedAt: startedIn ? instantOfMonth(startedIn) : pilot.createdAt,
      actor,
      reason,
      recordedBy: startedIn ? actor : null,
      recordedAt: startedIn ? pilot.createdAt : null,
    });
  }

  /**
   * Records the month a pilot registered in the app really started, while its registration is its
   * whole stage history (afterwards the later moves fix the order, and a start is not moved under
   * them). The registration row takes the month; the audit trail keeps the date it had.
   */
  async recordStart(em: EntityManager, pilot: Pilot, month: Month, actor: string): Promise<void> {
    const rows = await this.stageChanges(pilot.id, em);
    if (rows.length !== 1) throw DomainError.field('startedIn', t('pilot.startMonthOnlyBefore'));
    const [registration] = rows;
    const now = new Date();
    assertStartMonth(month, now);
    await this.saveIfUnchanged(em, pilot, { stageEnteredOn: `${month}-01`, updatedAt: now });
    await em.update(
      PilotStageChange,
      { id: registration.id },
      { changedAt: instantOfMonth(month), recordedBy: actor, recordedAt: now },
    );
    await this.audit.recordChanges(
      em,
      actor,
      { entityType: 'pilot', entityId: pilot.id, pilotId: pilot.id },
      [
        {
          field: 'start month (recorded)',
          oldValue: formatMonth(monthOf(registration.changedAt)),
          newValue: formatMonth(month),
        },
      ],
      now,
    );
  }

  /** Saves the given columns only if nobody saved the pilot since it was read; else a 409. */
  async saveIfUnchanged(em: EntityManager, pilot: Pilot, fields: Partial<Pilot>): Promise<void> {
    if (!(await this.updateIfUnchanged(em, pilot, fields))) throw this.conflict();
  }

  /** The standard message when someone saved the pilot after the form was opened. */
  conflict(): DomainError {
    return new DomainError('conflict', t('pilot.stale'));
  }

  private async writeWithSlug<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.writer.write(work);
    } catch (error) {
      if (isUniqueViolation(error, 'pilot_slug_key', 'pilot', 'slug')) {
        throw DomainError.field('slug', t('pilot.slugTaken'));
      }
      throw error;
    }
  }

  private assertVersion(pilot: Pilot, version: number): void {
    if (pilot.version !== version) throw this.conflict();
  }

  private async assertSlugFree(
    em: EntityManager,
    slug: string,
    ownId: number | null,
  ): Promise<void> {
    const existing = await em.findOne(Pilot, { where: { slug }, select: { id: true } });
    if (existing && existing.id !== ownId) {
      throw DomainError.field(
        'slug',
        `The URL name "${slug}" is taken by another pilot; choose another.`,
      );
    }
  }

  /** The chosen channels; inactive ones only where the pilot already had them. */
  private async loadChannels(
    em: EntityManager,
    ids: number[],
    current: Channel[],
  ): Promise<Channel[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const channels = await this.channels.byIds(unique, em);
    const allowed = channels.filter((c) => c.active || current.some((own) => own.id === c.id));
    if (allowed.length !== unique.length) {
      throw DomainError.field('affectedChannelIds', t('pilot.activeChannels'));
    }
    return allowed.sort((a, b) => a.position - b.position);
  }

  private fieldsOf(dto: PilotFormDto) {
    return {
      name: dto.name,
      description: dto.description,
      channelType: dto.channelType,
      // In the model's order, whatever order the form sent: a save that changes nothing stores nothing.
      purposes: PURPOSES.filter((p) => dto.purposes.includes(p)),
      targetContactTypes: dto.targetContactTypes,
      scope: dto.scope,
      controlScope: dto.controlScope,
      ownerDepartment: dto.ownerDepartment,
      sponsor: dto.sponsor,
      itContact: dto.itContact,
      operationsLead: dto.operationsLead,
      financeController: dto.financeController,
      serviceStrategy: dto.serviceStrategy,
      nextReviewDate: dto.nextReviewDate,
    };
  }
}

/** A start month in the future is refused. */
function assertStartMonth(month: Month, now: Date): void {
  if (month > monthOf(now))
    throw DomainError.field(
      'startedIn',
      `${formatMonth(month)} lies in the future: give the month the pilot really started.`,
    );
}
