import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type KepaiConfig } from '@kepai/api-core';

/** The real servers the suite runs against, when configured (CI always configures both). */
export const DATABASE_URL = process.env['DATABASE_URL'] || null;
export const REDIS_URL = process.env['REDIS_URL'] || null;

export interface TestDatabase {
  /** A brand-new empty database on the configured PostgreSQL, or null for embedded PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL as string });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for one suite, so suites never see each other's rows. On PostgreSQL
 * it is created next to DATABASE_URL's database and dropped afterwards; without DATABASE_URL the
 * suite's server starts embedded PGlite in its own temporary folder instead.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  if (DATABASE_URL === null) return { url: null, drop: async () => undefined };
  const name = `kepai_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(DATABASE_URL, name),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

export interface TestFolder {
  path: string;
  remove(): void;
}

export function tempFolder(prefix: string): TestFolder {
  const path = mkdtempSync(join(tmpdir(), `kepai-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A configuration as `npm start` would read it, on an ephemeral port with quiet logs. */
export function testConfig(
  database: TestDatabase,
  dataDir: string,
  env: Record<string, string> = {},
): KepaiConfig {
  return loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    KEPAI_SEED: 'off',
    // suites sign in many times from 127.0.0.1; the rate-limit suite sets its own small limit
    KEPAI_AUTH_RATE_LIMIT: '10000',
    KEPAI_DATA_DIR: dataDir,
    ...(database.url !== null ? { DATABASE_URL: database.url } : {}),
    ...(REDIS_URL !== null ? { REDIS_URL } : {}),
    ...env,
  });
}

/** What the suite runs against, for test names. */
export const TARGET = `${DATABASE_URL !== null ? 'PostgreSQL' : 'embedded PGlite'}${REDIS_URL !== null ? ' + Redis' : ''}`;
