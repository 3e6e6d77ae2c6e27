import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Runs `entry` (a module that answers one message on its parentPort) in a worker thread with
 * `data`, and resolves with its answer: CPU-heavy work (parsing an upload) off the request loop,
 * so that other users' requests keep being answered meanwhile.
 *
 * The built app runs the compiled .js module. The tests run the TypeScript sources; there the
 * worker compiles them with swc (a development dependency) as it loads them.
 */
export function runInWorker<T>(
  entry: string,
  data: unknown,
  transfer: ArrayBuffer[] = [],
): Promise<T> {
  const worker = startWorker(entry);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.once('message', (answer: T) => {
      settled = true;
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The worker for ${entry} stopped (exit code ${code}).`));
    });
    worker.postMessage(data, transfer);
  });
}

/** Starts `entry` in a worker thread; `data` reaches it as `workerData.data`. */
export function startWorker(entry: string, data?: unknown): Worker {
  return extname(entry) === '.ts'
    ? new Worker(TYPESCRIPT_BOOTSTRAP, { eval: true, workerData: { entry, data } })
    : new Worker(entry, { workerData: { entry, data } });
}

/** The path of a worker module beside `dir`, with the extension the caller itself runs as. */
export function workerModule(dir: string, name: string, callerFile: string): string {
  return `${dir}/${name}${extname(callerFile)}`;
}

const TYPESCRIPT_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const swc = require('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.entry);
`;
