import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  Param,
  PayloadTooLargeException,
  Post,
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

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_ERRORS_SHOWN = 200;

/** An upload over the size limit comes back to the upload page with a message, not a bare 413. */
@Catch(PayloadTooLargeException)
class UploadTooLargeFilter implements ExceptionFilter {
  catch(_error: PayloadTooLargeException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.status(413).render('results/import', {
      title: 'Import results',
      problem: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most one import takes. Split it into smaller files by pilot or by year.`,
    });
  }
}

@Controller('results/import')
export class ImportController {
  constructor(
    private readonly imports: MetricsImportService,
    private readonly batches: ImportBatches,
  ) {}

  @Get()
  page(@Req() req: Request, @Res() res: Response): void {
    authorize(req, 'import_results');
    res.render('results/import', { title: 'Import results' });
  }

  @Get('template.csv')
  template(@Res() res: Response): void {
    res.type('text/csv; charset=utf-8').attachment('results-template.csv').send(TEMPLATE_CSV);
  }

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
    if (problem) {
      res.status(422).render('results/import', { title: 'Import results', problem });
      return;
    }
    const content = file!.buffer.toString('utf8');
    const preview = await this.imports.preview(content, req.user ?? null);
    if (preview.errors.length) {
      res.status(422).render('results/import', {
        title: 'Import results',
        fileName: file!.originalname,
        errors: preview.errors.slice(0, MAX_ERRORS_SHOWN),
        errorCount: preview.errors.length,
        moreErrors: preview.errors.length > MAX_ERRORS_SHOWN,
      });
      return;
    }
    const batch = await this.batches.hold(file!.originalname, content, actorOf(req));
    res.status(200).render('results/import-preview', { title: 'Check the import', batch, preview });
  }

  @Post(':id/confirm')
  async confirm(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    authorize(req, 'import_results');
    const held = await this.batches.take(id);
    if (!held) throw DomainError.notFound('That import (it was confirmed already, or expired)');
    const { batch, content } = held;
    const result = await this.imports.apply(content, actorOf(req), req.user ?? null);
    if (result.errors.length) {
      // The data changed since the preview (a pilot or channel removed, say): nothing was saved.
      res.status(422).render('results/import', {
        title: 'Import results',
        fileName: batch.fileName,
        errors: result.errors.slice(0, MAX_ERRORS_SHOWN),
        errorCount: result.errors.length,
        moreErrors: result.errors.length > MAX_ERRORS_SHOWN,
      });
      return;
    }
    await this.batches.discard(id);
    flash(
      req,
      `Imported ${batch.fileName}: ${result.inserted} new and ${result.updated} changed figures, ${result.unchanged} unchanged.`,
    );
    res.redirect(303, '/results/import');
  }
}

function uploadProblem(file: Express.Multer.File | undefined): string | null {
  if (!file || file.size === 0) return 'Choose a CSV file to upload.';
  const csvLike =
    /\.(csv|txt)$/i.test(file.originalname) ||
    /^text\/(csv|plain)|application\/vnd\.ms-excel/.test(file.mimetype);
  if (!csvLike)
    return `"${file.originalname}" is not a CSV file. Save the sheet as CSV (comma or semicolon separated) first.`;
  if (file.buffer.includes(0))
    return `"${file.originalname}" is not a text file. Save the sheet as CSV first.`;
  return null;
}
