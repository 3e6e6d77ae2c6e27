import { parentPort } from 'node:worker_threads';
import type { MonthBounds } from '../../common/months';
import { inLanguage, type Language } from '../../i18n/language';
import { parseMetricsCsv } from './metrics-csv';
import { toColumns } from './parsed-columns';

// Runs in a worker thread (common/worker.ts): parses and checks one uploaded file, its problems
// worded in the language of the request that sent it (a worker shares no request context).
parentPort?.once(
  'message',
  ({ content, bounds, language }: { content: string; bounds: MonthBounds; language: Language }) => {
    parentPort?.postMessage(
      inLanguage(language, () => toColumns(parseMetricsCsv(content, bounds))),
    );
  },
);
