import { parentPort } from 'node:worker_threads';
import type { MonthBounds } from '../../common/months';
import { parseMetricsCsv } from './metrics-csv';
import { toColumns } from './parsed-columns';

// Runs in a worker thread (common/worker.ts): parses and checks one uploaded file.
parentPort?.once('message', ({ content, bounds }: { content: string; bounds: MonthBounds }) => {
  parentPort?.postMessage(toColumns(parseMetricsCsv(content, bounds)));
});
