/**
 * Writes a migration from the difference between the entities and the migrated schema.
 *   npm run db:migration -- AddLots
 * Uses DATABASE_URL when set, else a throw-away in-memory PGlite.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  EmbeddedPostgres,
  dataSourceOptions,
  pendingSchemaChanges,
  runMigrations,
} from '@kepai/api-core';
import { ENTITIES, MIGRATIONS } from '../app/schema';

const MIGRATIONS_DIR = join(process.cwd(), 'apps', 'api', 'src', 'migrations');

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (name === undefined || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run db:migration -- <PascalCaseName>');
    process.exit(2);
  }
  const embedded = process.env['DATABASE_URL']
    ? null
    : await EmbeddedPostgres.start({ dataDir: 'memory://' });
  const url = embedded?.url ?? (process.env['DATABASE_URL'] as string);
  const dataSource = await new DataSource(
    dataSourceOptions({
      target: { url, kind: embedded ? 'pglite' : 'postgresql', fresh: true },
      entities: ENTITIES,
      migrations: MIGRATIONS,
    }),
  ).initialize();
  try {
    await runMigrations(dataSource);
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (up.length === 0) {
      console.log('The schema matches the entities: no migration needed.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((sql) => `    await queryRunner.query(${quote(sql)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((sql) => `    await queryRunner.query(${quote(sql)});`)
  .join('\n')}
  }
}
`;
    writeFileSync(join(MIGRATIONS_DIR, `${file}.ts`), body);
    const indexPath = join(MIGRATIONS_DIR, 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(
        '// migrations: imports',
        `import { ${className} } from './${file}';\n// migrations: imports`,
      )
      .replace('// migrations: list', `${className},\n  // migrations: list`);
    writeFileSync(indexPath, index);
    console.log(
      `Wrote apps/api/src/migrations/${file}.ts (${up.length} statements) and listed it in index.ts.`,
    );
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
