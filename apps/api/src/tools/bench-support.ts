/**
 * What the benchmarks that seed a catalogue share: a throw-away database on the local PostgreSQL,
 * migrated; the generated catalogue (institutes and results, the same for a seed every time); and
 * percentiles of sorted latencies.
 */
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@kepai/api-core';
import {
  generateInstitutes,
  iterateResults,
  seedInstitutes,
  seedResults,
} from '@kepai/api-catalogue';
import { ENTITIES, MIGRATIONS } from '../app/schema';

/** Where benchmarks create their databases (BENCH_DATABASE_URL; the local postgres by default). */
export const BENCH_ADMIN_URL =
  process.env['BENCH_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function onAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` beside BENCH_ADMIN_URL's; refuses anything but a local server. */
export function benchDatabaseUrl(name: string): string {
  const url = new URL(BENCH_ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '::1'].includes(url.hostname))
    throw new Error('the benchmarks only run against a local PostgreSQL');
  url.pathname = `/${name}`;
  return url.toString();
}

export async function databaseExists(name: string): Promise<boolean> {
  return onAdmin(
    async (client) =>
      (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
}

/** Drops database `name` if it is there and creates it empty. */
export async function recreateDatabase(name: string): Promise<void> {
  await dropDatabase(name);
  await onAdmin((client) => client.query(`CREATE DATABASE ${name}`));
}

export async function dropDatabase(name: string): Promise<void> {
  await onAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A data source on the database, migrated to the current schema. */
export async function migratedDataSource(url: string): Promise<DataSource> {
  const dataSource = await new DataSource({
    ...dataSourceOptions({
      target: { url, kind: 'postgresql', fresh: true },
      entities: ENTITIES,
      migrations: MIGRATIONS,
    }),
    logging: false,
  }).initialize();
  await runMigrations(dataSource);
  return dataSource;
}

/** The generated catalogue's institutes for `results` results (one per 300, at least 10). */
export function benchInstitutes(seed: number, results: number) {
  return generateInstitutes(seed, Math.max(10, Math.round(results / 300)));
}

/** Seeds `results` generated results of the seed's institutes as published listings. */
export async function seedCatalogue(
  dataSource: DataSource,
  seed: number,
  results: number,
): Promise<number> {
  const institutes = benchInstitutes(seed, results);
  return seedResults(
    dataSource,
    iterateResults(seed, results, institutes),
    await seedInstitutes(
      dataSource.manager,
      institutes.map((institute) => ({
        key: institute.key,
        organisationId: null,
        generated: institute,
      })),
    ),
    new Date(),
  );
}
