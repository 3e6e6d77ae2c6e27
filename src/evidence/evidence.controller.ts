import { t } from '../i18n/translate';
import { Controller, Get, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize } from '../accounts/auth.guard';
import { actorOf } from '../common/actor';
import { flash } from '../common/flash';
import { PilotsService } from '../pilots/pilots.service';
import { EvidenceService } from './evidence.service';

/** Evidence files: downloaded by anyone signed in, deleted by who may attach them. */
@Controller('evidence')
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly pilots: PilotsService,
  ) {}

  /**
   * Always an attachment, never shown in the page: the browser must not run or render what was
   * uploaded (nosniff, a sandboxing CSP), and the name is the safe one made at upload.
   */
  @Get(':id')
  async download(@Param('id', ParseIntPipe) id: number, @Res() res: Response): Promise<void> {
    const file = await this.evidence.read(id);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.bytes.length));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(file.bytes);
  }

  @Post(':id/delete')
  async remove(
    @Param('id', ParseIntPipe) id: number,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.evidence.get(id);
    const pilot = await this.pilots.byIds([file.pilotId]).then((found) => found[0]);
    // Who may attach it may take it away: the board a decision's, the pilot's keeper the rest.
    if (file.subject === 'decision') authorize(req, 'decide');
    else authorize(req, 'edit_pilot', pilot);
    await this.evidence.remove(file, actorOf(req));
    flash(req, t('evidence.removed', { name: file.fileName }));
    const back =
      file.subject === 'readiness'
        ? `/pilots/${pilot.slug}/readiness#item-${file.subjectId}`
        : file.subject === 'it'
          ? `/pilots/${pilot.slug}/it`
          : `/pilots/${pilot.slug}/review#decision-${file.subjectId}`;
    res.redirect(303, back);
  }
}
