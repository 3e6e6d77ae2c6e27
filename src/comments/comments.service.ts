import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROLE_LABELS } from '../accounts/permissions';
import type { User } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { Writer } from '../database/writer.service';
import type { Pilot } from '../pilots/pilot.entity';
import { PilotComment } from './pilot-comment.entity';

/** The comments on a pilot: added by its owner, the board or finance, never changed. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly audit: AuditService,
  ) {}

  /** A pilot's comments, oldest first: the discussion in the order it took place. */
  ofPilot(pilotId: number): Promise<PilotComment[]> {
    return this.dataSource
      .getRepository(PilotComment)
      .find({ where: { pilotId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  add(pilot: Pilot, author: User, text: string, actor: string): Promise<PilotComment> {
    return this.writer.write(async (em) => {
      const now = new Date();
      const comment = await em.save(
        em.create(PilotComment, {
          pilotId: pilot.id,
          authorUserId: author.id,
          authorLabel: `${author.name}, ${author.roles.map((r) => ROLE_LABELS[r]).join(', ')}`,
          text,
          createdAt: now,
        }),
      );
      await this.audit.recordChanges(
        em,
        actor,
        { entityType: 'comment', entityId: comment.id, pilotId: pilot.id },
        [{ field: 'comment', oldValue: null, newValue: text }],
        now,
      );
      return comment;
    });
  }
}
