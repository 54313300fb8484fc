import type { DataSource } from 'typeorm';

/** Any fixed number: nodes starting together take turns on this PostgreSQL advisory lock. */
const MIGRATION_LOCK = 4_251_817;

/**
 * Runs pending migrations, all in one transaction, while holding an advisory lock so that
 * several api nodes starting at once do not race. Returns the names of the migrations applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The SQL a generated migration would contain: empty when the entities and the migrated schema
 * agree. CI fails on anything here (schema-drift integration test).
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((query) => query.query),
    down: sql.downQueries.map((query) => query.query),
  };
}
