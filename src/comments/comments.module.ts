import { Module } from '@nestjs/common';
import { CommentsService } from './comments.service';

/** Comments on a pilot; the pilot's page and its board pack show them. */
@Module({ providers: [CommentsService], exports: [CommentsService] })
export class CommentsModule {}
