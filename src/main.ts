import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { acquireLock } from './database/instance-lock';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let releaseLock = () => {};
  if (config.database.type === 'sqlite' && config.database.file !== ':memory:') {
    try {
      releaseLock = acquireLock(config.database.file);
    } catch (error) {
      console.error((error as Error).message);
      process.exit(1);
    }
    // Nest ends the process by re-raising the signal, so 'exit' alone would not run on SIGTERM.
    process.once('exit', () => releaseLock());
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => releaseLock());
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
  });
  app.enableShutdownHooks();
  await configureApp(app);
  await app.listen(config.port);
  const logger = new Logger('Bootstrap');
  const where = config.database.type === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  logger.log(
    `Serving on http://localhost:${config.port} (${where}${config.demoData ? ', demo data on' : ''})`,
  );
  if (config.sessionSecretGenerated)
    logger.warn('SESSION_SECRET is not set: sessions end when the app restarts.');
}

void bootstrap();
