import { Controller, Get, Query, Render } from '@nestjs/common';
import { lessonsQuery } from './lessons-query';
import { LessonsPresenter } from './lessons.presenter';

/** The lessons library: every lesson learned, for everyone signed in. */
@Controller('lessons')
export class LessonsController {
  constructor(private readonly presenter: LessonsPresenter) {}

  @Get()
  @Render('lessons/index')
  index(@Query() query: Record<string, unknown>) {
    return this.presenter.library(lessonsQuery(query));
  }
}
