import { Module } from '@nestjs/common';
import { CommentsModule } from '../comments/comments.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { PilotsModule } from '../pilots/pilots.module';
import { ReadinessModule } from '../readiness/readiness.module';
import { BoardPackController } from './board-pack.controller';
import { BoardPackPresenter } from './board-pack.presenter';
import { ReviewPresenter } from './review.presenter';
import { DecisionsController } from './decisions.controller';

/** The board's pages: the agenda, the review with its decision form, the board pack. */
@Module({
  imports: [
    PilotsModule,
    LifecycleModule,
    ReadinessModule,
    LedgerModule,
    CommentsModule,
    EvidenceModule,
  ],
  controllers: [DecisionsController, BoardPackController],
  providers: [BoardPackPresenter, ReviewPresenter],
  exports: [BoardPackPresenter],
})
export class DecisionsModule {}
