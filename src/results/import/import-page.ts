import { t } from '../../i18n/translate';
import { formatNumber } from '../../common/money';
import type { ImportError } from './metrics-csv';
import type { ImportPreview } from './metrics-import.service';

// What the import pages show. Pure: the upload, the problems or the outcome in, the page out.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_ERRORS_SHOWN = 200;

/** The upload page, with the one problem that stopped the file when there is one. */
export function uploadPage(problem?: string) {
  return { title: t('import.title'), problem };
}

/** The upload page with the file's errors, the first 200 of them. */
export function errorsPage(fileName: string, errors: ImportError[]) {
  return {
    title: t('import.title'),
    fileName,
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
    errorCount: errors.length,
    moreErrors: errors.length > MAX_ERRORS_SHOWN,
  };
}

/** Why a file too large is refused (said per request). */
export const tooLarge = () => t('import.tooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });

/** Why an uploaded file cannot be read as CSV, or null when it can. */
export function uploadProblem(file: Express.Multer.File | undefined): string | null {
  if (!file || file.size === 0) return t('import.chooseFile');
  const csvLike =
    /\.(csv|txt)$/i.test(file.originalname) ||
    /^text\/(csv|plain)|application\/vnd\.ms-excel/.test(file.mimetype);
  if (!csvLike) return t('import.notCsv', { name: file.originalname });
  if (file.buffer.includes(0)) return t('import.notText', { name: file.originalname });
  return null;
}

export function importedMessage(fileName: string, result: ImportPreview): string {
  return t('import.imported', {
    file: fileName,
    inserted: formatNumber(result.inserted),
    updated: formatNumber(result.updated),
    unchanged: formatNumber(result.unchanged),
  });
}
