import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerModule } from '../common/worker';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const EVERY_MS = 1000;
const WORKER = workerModule(__dirname, 'checkpoint-worker', __filename);

/**
 * SQLite copies its write-ahead log into the database file (a checkpoint) on the connection
 * whose commit makes the log pass 1 000 pages, inside that commit. better-sqlite3 is
 * synchronous, so after a large import the request loop stood still for 100–150 ms while tens of
 * megabytes were copied and flushed. The app's connection does no checkpoints
 * (`wal_autocheckpoint = 0`, data-source-options.ts); a worker thread with its own connection
 * does them every second. PostgreSQL needs none of this.
 */
@Injectable()
export class WalCheckpointer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Checkpoints');
  private worker: Worker | null = null;
  /** The last checkpoint's figures (frames in the log, frames copied), or its error. */
  last: { log: number; checkpointed: number } | { error: string } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    const { database } = this.config;
    if (database.type !== 'sqlite' || database.file === ':memory:') return;
    this.worker = startWorker(WORKER, { file: database.file, everyMs: EVERY_MS });
    this.worker.on('message', (message: WalCheckpointer['last']) => {
      if (message && 'error' in message && !(this.last && 'error' in this.last))
        this.logger.warn(`The write-ahead log could not be checkpointed: ${message.error}`);
      this.last = message;
    });
    this.worker.on('error', (error) => this.logger.error(`Checkpoint worker: ${error.message}`));
    this.worker.unref();
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    // Asked to stop, so its connection closes cleanly; ended anyway after two seconds.
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
    await worker.terminate();
  }
}
