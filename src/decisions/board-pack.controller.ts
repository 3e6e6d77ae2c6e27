import { Controller, Get, Param, Render } from '@nestjs/common';
import { Heavy } from '../web/heavy-requests';
import { BoardPackPresenter } from './board-pack.presenter';

/**
 * The board pack: one printable page (and, through the browser's print, a PDF) with all a
 * board needs for a pilot's review. Read-only; the decision itself is taken on the review page.
 */
@Controller('pilots/:slug')
export class BoardPackController {
  constructor(private readonly presenter: BoardPackPresenter) {}

  @Get('board-pack')
  @Heavy()
  @Render('decisions/board-pack')
  show(@Param('slug') slug: string) {
    return this.presenter.boardPack(slug);
  }
}
