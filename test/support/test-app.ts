import { readForm } from '../../src/common/forms';
import { NewUserDto } from '../../src/accounts/dto/user-forms.dto';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../src/accounts/accounts.service';
import { Role, ROLES } from '../../src/accounts/permissions';
import { User } from '../../src/accounts/user.entity';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';

export type Agent = ReturnType<typeof request.agent>;

export const TEST_PASSWORD = 'test-password-123';

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  /**
   * A browser-like client signed in with the given role (admin by default): keeps its cookies
   * (session, CSRF) between requests. One per role for the whole suite (a sign-in is an argon2
   * hash); `null` gives a new client that is not signed in.
   */
  agent(role?: Role | null): Promise<Agent>;
  /** A client of its own, freshly signed in: for tests that sign out or end its session. */
  freshAgent(role?: Role | null): Promise<Agent>;
  /** The account of each role (one role each). */
  users: Record<Role, User>;
  close(): Promise<void>;
  dialect: 'sqlite' | 'postgres';
  /** The configuration the app runs on (for the CLI, which opens the same database). */
  config: AppConfig;
  /**
   * Another instance of the app on the same database, as behind a load balancer (PostgreSQL
   * only: one SQLite file has one server). Its agents sign in with the same accounts.
   */
  secondInstance(): Promise<{
    app: INestApplication;
    agent(role?: Role | null): Promise<Agent>;
    close(): Promise<void>;
  }>;
}

/**
 * Boots the real AppModule through the same configureApp as the app, on a fresh database:
 * a temporary SQLite file, or a new PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function createTestApp(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  // The reminders' scheduler stays off: a test runs the reminders when it means to.
  // English unless a test asks for Dutch: most assertions are written against the English texts.
  const env: Record<string, string> = {
    DEMO_DATA: options.demo ? 'on' : 'off',
    REMINDERS: 'off',
    LANGUAGE: 'en',
    ...options.env,
  };
  let cleanup: () => Promise<void>;
  if (options.env?.SQLITE_FILE && !process.env.TEST_DATABASE_URL) {
    cleanup = async () => {}; // the caller's file: the caller cleans up
  } else {
    const scratch = await scratchDatabase();
    Object.assign(env, scratch.env);
    cleanup = scratch.cleanup;
  }

  const config = loadConfig(env);
  const app = await boot(config);
  const accounts = app.get(AccountsService);
  const users = {} as Record<Role, User>;
  for (const role of ROLES) {
    const input = await readForm(NewUserDto, {
      email: `${role}@test.example`,
      name: `Test ${role}`,
      password: TEST_PASSWORD,
      roles: [role],
    });
    users[role] = await accounts.create(input, 'test');
  }
  const signedIn = new Map<Role, Promise<Agent>>();
  return {
    app,
    dataSource: app.get(DataSource),
    users,
    agent: (role: Role | null = 'admin') => {
      if (role === null) return signedInAgent(app, null);
      const known = signedIn.get(role);
      if (known) return known;
      const agent = signedInAgent(app, role);
      signedIn.set(role, agent);
      return agent;
    },
    freshAgent: (role: Role | null = 'admin') => signedInAgent(app, role),
    secondInstance: async () => {
      if (config.database.type !== 'postgres')
        throw new Error('A second instance needs PostgreSQL (TEST_DATABASE_URL).');
      const other = await boot(config);
      return {
        app: other,
        agent: (role: Role | null = 'admin') => signedInAgent(other, role),
        close: () => other.close(),
      };
    },
    dialect: config.database.type === 'postgres' ? 'postgres' : 'sqlite',
    config,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

async function boot(config: AppConfig): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register(config)],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: ['error'],
  });
  await configureApp(app);
  await app.init();
  return app;
}

async function signedInAgent(app: INestApplication, role: Role | null): Promise<Agent> {
  const agent = request.agent(app.getHttpServer());
  if (role === null) return agent;
  const page = await agent.get('/sign-in');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send(
      new URLSearchParams({
        email: `${role}@test.example`,
        password: TEST_PASSWORD,
        _csrf: token,
      }).toString(),
    );
  if (res.status !== 303) throw new Error(`Sign-in as ${role} failed: ${res.status}`);
  return agent;
}

/**
 * A new empty database for one test: a temporary SQLite file, or a new PostgreSQL database
 * when TEST_DATABASE_URL is set. `env` selects it for the app; `cleanup` removes it.
 */
export async function scratchDatabase(): Promise<{
  env: Record<string, string>;
  dialect: 'sqlite' | 'postgres';
  cleanup: () => Promise<void>;
}> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `pilot_test_${randomBytes(6).toString('hex')}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      dialect: 'postgres',
      cleanup: () => dropDatabase(adminUrl, name),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pilot-test-'));
  return {
    env: { SQLITE_FILE: join(dir, 'test.sqlite') },
    dialect: 'sqlite',
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database. WITH (FORCE) cannot end a session of another role (seen once in CI),
 * so a refusal is retried after a pause; the database is a throw-away one, so a last refusal
 * warns instead of failing the suite that used it.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
      return;
    } catch (error) {
      if (attempt === 5) {
        console.warn(`Test database ${name} was not dropped: ${(error as Error).message}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
