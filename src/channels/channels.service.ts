import { t } from '../i18n/translate';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { diffFields } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { Writer } from '../database/writer.service';
import { updateIfUnchanged } from '../database/update-if-unchanged';
import { Channel } from './channel.entity';
import type { LedgerMethod } from './channel-total-rules';
import { CreateChannelDto, UpdateChannelDto } from './dto/channel-form.dto';

@Injectable()
export class ChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  /** Channels by id (for another feature's write, inside its transaction). */
  byIds(ids: number[], em: EntityManager = this.dataSource.manager): Promise<Channel[]> {
    return ids.length ? em.find(Channel, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Every channel, inactive ones too, in no particular order. */
  all(em: EntityManager = this.dataSource.manager): Promise<Channel[]> {
    return em.find(Channel);
  }

  list(): Promise<Channel[]> {
    return this.dataSource.getRepository(Channel).find({ order: { position: 'ASC', name: 'ASC' } });
  }

  /** Each channel with the number of pilots that name it as affected. */
  async usage(): Promise<Map<number, number>> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('pac.channel_id', 'channelId')
      .addSelect('COUNT(*)', 'pilots')
      .from('pilot_affected_channel', 'pac')
      .groupBy('pac.channel_id')
      .getRawMany<{ channelId: number; pilots: string | number }>();
    return new Map(rows.map((row) => [Number(row.channelId), Number(row.pilots)]));
  }

  async get(key: string): Promise<Channel> {
    const channel = await this.dataSource.getRepository(Channel).findOneBy({ key });
    if (!channel) throw DomainError.notFound('channel', key);
    return channel;
  }

  create(dto: CreateChannelDto, actor: string): Promise<Channel> {
    return this.writer.write(async (em) => {
      await this.assertFree(em, 'key', dto.key, null, t('channels.keyTaken', { key: dto.key }));
      await this.assertFree(
        em,
        'name',
        dto.name,
        null,
        t('channels.nameTaken', { name: dto.name }),
      );
      const now = new Date();
      const channel = em.create(Channel, {
        key: dto.key,
        name: dto.name,
        description: dto.description,
        active: dto.active,
        position: dto.position ?? 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.save(channel);
      await this.audit.recordCreate(
        em,
        actor,
        { entityType: 'channel', entityId: channel.id, pilotId: null },
        now,
      );
      return channel;
    });
  }

  update(key: string, dto: UpdateChannelDto, actor: string): Promise<Channel> {
    return this.writer.write(async (em) => {
      const channel = await em.findOneBy(Channel, { key });
      if (!channel) throw DomainError.notFound('channel', key);
      const stale = new DomainError('conflict', t('channels.stale'));
      if (channel.version !== dto.version) throw stale;
      await this.assertFree(
        em,
        'name',
        dto.name,
        channel.id,
        t('channels.nameTaken', { name: dto.name }),
      );
      const next = {
        name: dto.name,
        description: dto.description,
        active: dto.active,
        position: dto.position ?? 0,
      };
      const changes = diffFields(channel, next, ['name', 'description', 'active', 'position']);
      if (!changes.length) return channel;
      const now = new Date();
      if (!(await updateIfUnchanged(em, Channel, channel, { ...next, updatedAt: now })))
        throw stale;
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'channel', entityId: channel.id, pilotId: null },
        changes,
        now,
      );
      return { ...channel, ...next };
    });
  }

  /**
   * Pins (or unpins, with null) the organisation baseline's method of channels in the ledger, in
   * one transaction, each change audited. The caller has checked that the totals allow it.
   * Returns the number of channels changed.
   */
  setLedgerMethods(methods: Map<number, LedgerMethod | null>, actor: string): Promise<number> {
    const shown = (method: LedgerMethod | null) => method ?? 'default (trend, else mean)';
    return this.writer.write(async (em) => {
      const channels = await this.byIds([...methods.keys()], em);
      const now = new Date();
      let changed = 0;
      for (const channel of channels) {
        const method = methods.get(channel.id) ?? null;
        if (method === channel.ledgerMethod) continue;
        await em.update(Channel, { id: channel.id }, { ledgerMethod: method, updatedAt: now });
        await this.audit.recordChanges(
          em,
          actor,
          { entityType: 'channel', entityId: channel.id, pilotId: null },
          [
            {
              field: 'ledger baseline method',
              oldValue: shown(channel.ledgerMethod),
              newValue: shown(method),
            },
          ],
          now,
        );
        changed += 1;
      }
      return changed;
    });
  }

  private async assertFree(
    em: EntityManager,
    column: 'key' | 'name',
    value: string,
    ownId: number | null,
    message: string,
  ): Promise<void> {
    const existing = await em
      .getRepository(Channel)
      .createQueryBuilder('channel')
      .where(`LOWER(channel.${column}) = :value`, { value: value.toLowerCase() })
      .getOne();
    if (existing && existing.id !== ownId) throw DomainError.field(column, message);
  }
}
