import type { ImportError } from './metrics-csv';
import type { ImportPreview } from './metrics-import.service';

// What the import pages show. Pure: the upload, the problems or the outcome in, the page out.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_ERRORS_SHOWN = 200;
const TITLE = 'Import results';

/** The upload page, with the one problem that stopped the file when there is one. */
export function uploadPage(problem?: string) {
  return { title: TITLE, problem };
}

/** The upload page with the file's errors, the first 200 of them. */
export function errorsPage(fileName: string, errors: ImportError[]) {
  return {
    title: TITLE,
    fileName,
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
    errorCount: errors.length,
    moreErrors: errors.length > MAX_ERRORS_SHOWN,
  };
}

export const TOO_LARGE = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most one import takes. Split it into smaller files by pilot or by year.`;

/** Why an uploaded file cannot be read as CSV, or null when it can. */
export function uploadProblem(file: Express.Multer.File | undefined): string | null {
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

export function importedMessage(fileName: string, result: ImportPreview): string {
  return `Imported ${fileName}: ${result.inserted} new and ${result.updated} changed figures, ${result.unchanged} unchanged.`;
}
