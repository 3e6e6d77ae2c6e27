import { t } from '../i18n/translate';
import {
  applyDecorators,
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  PayloadTooLargeException,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { flash } from '../common/flash';
import { acceptedWords, MAX_EVIDENCE_BYTES } from './evidence-rules';

/** The routes that take an evidence file: their form carries the CSRF token in the URL. */
export const EVIDENCE_UPLOAD_PATH = /^\/pilots\/[^/]+\/(readiness\/\d+|it|decisions\/\d+)\/files$/;

/** The page an upload came from: the checklist at its item, the IT page, the review's decision. */
const backOf = (req: Request) =>
  req.path
    .replace(/\/readiness\/(\d+)\/files$/, '/readiness#item-$1')
    .replace(/\/decisions\/(\d+)\/files$/, '/review#decision-$1')
    .replace(/\/it\/files$/, '/it');

/** The page that says why a file was not kept, next to the upload field, with the way back. */
function refused(req: Request, res: Response, status: number, reason: string): void {
  res.status(status).render('evidence/refused', {
    title: t('evidence.refused.title'),
    reason,
    back: backOf(req),
    upload: req.path,
    accepted: acceptedWords(),
    maxMb: MAX_EVIDENCE_BYTES / 1024 / 1024,
  });
}

@Catch(PayloadTooLargeException)
class EvidenceTooLargeFilter implements ExceptionFilter {
  catch(_error: PayloadTooLargeException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    refused(
      http.getRequest<Request>(),
      http.getResponse<Response>(),
      413,
      t('evidence.tooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 }),
    );
  }
}

/** An evidence upload route: one file, read into memory up to the limit (a larger one is a 413). */
export const EvidenceUpload = () =>
  applyDecorators(
    UseFilters(EvidenceTooLargeFilter),
    UseInterceptors(
      FileInterceptor('file', {
        limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 2, parts: 3 },
      }),
    ),
  );

/**
 * Keeps an uploaded file through `keep`, then back to the page it came from; a file refused
 * (its kind, its name, empty, too large) comes back with the reason next to the field.
 */
export async function keepEvidence(
  req: Request,
  res: Response,
  file: Express.Multer.File | undefined,
  keep: (upload: { originalname: string; buffer: Buffer }) => Promise<{ fileName: string }>,
): Promise<void> {
  if (!file) return refused(req, res, 422, t('evidence.choose'));
  try {
    const kept = await keep(file);
    flash(req, t('evidence.kept', { name: kept.fileName }));
    res.redirect(303, backOf(req));
  } catch (error) {
    if (error instanceof DomainError && ['validation', 'too_large'].includes(error.code))
      return refused(req, res, error.code === 'too_large' ? 413 : 422, error.message);
    throw error;
  }
}
