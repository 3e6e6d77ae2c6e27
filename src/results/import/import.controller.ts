import { t } from '../../i18n/translate';
import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Param,
  PayloadTooLargeException,
  Post,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { authorize } from '../../accounts/auth.guard';
import { actorOf } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { flash } from '../../common/flash';
import { ImportBatches } from './import-batches.service';
import { MetricsImportService } from './metrics-import.service';
import { TEMPLATE_CSV } from './metrics-csv';
import {
  errorsPage,
  importedMessage,
  MAX_UPLOAD_BYTES,
  tooLarge,
  uploadPage,
  uploadProblem,
} from './import-page';

/** An upload over the size limit comes back to the upload page with a message, not a bare 413. */
@Catch(PayloadTooLargeException)
class UploadTooLargeFilter implements ExceptionFilter {
  catch(_error: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .render('results/import', uploadPage(tooLarge()));
  }
}

@Controller('results/import')
export class ImportController {
  constructor(
    private readonly imports: MetricsImportService,
    private readonly batches: ImportBatches,
  ) {}

  @Get()
  @Render('results/import')
  page(@Req() req: Request) {
    authorize(req, 'import_results');
    return uploadPage();
  }

  @Get('template.csv')
  template(@Res() res: Response): void {
    res.type('text/csv; charset=utf-8').attachment('results-template.csv').send(TEMPLATE_CSV);
  }

  /** Checks the file and holds it for confirmation, showing what it would change. */
  @Post()
  @UseFilters(UploadTooLargeFilter)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 8 },
    }),
  )
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    authorize(req, 'import_results');
    const problem = uploadProblem(file);
    if (problem) return res.status(422).render('results/import', uploadPage(problem));
    const content = file!.buffer.toString('utf8');
    const preview = await this.imports.preview(content, req.user ?? null);
    if (preview.errors.length)
      return res
        .status(422)
        .render('results/import', errorsPage(file!.originalname, preview.errors));
    const batch = await this.batches.hold(file!.originalname, content, actorOf(req));
    // A preview, not a creation: 200, where Nest would answer a POST with 201.
    res
      .status(200)
      .render('results/import-preview', { title: t('import.checkTitle'), batch, preview });
  }

  @Post(':id/confirm')
  async confirm(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    authorize(req, 'import_results');
    const held = await this.batches.take(id);
    if (!held) throw DomainError.notFound('import');
    const result = await this.imports.apply(held.content, actorOf(req), req.user ?? null);
    // Errors now mean the data changed since the preview (a pilot removed, say): nothing was saved.
    if (result.errors.length)
      return res
        .status(422)
        .render('results/import', errorsPage(held.batch.fileName, result.errors));
    await this.batches.discard(id);
    flash(req, importedMessage(held.batch.fileName, result));
    res.redirect(303, '/results/import');
  }
}
