import { DataSource } from 'typeorm';
import {
  EmbeddedPostgres,
  dataSourceOptions,
  pendingSchemaChanges,
  runMigrations,
  type DatabaseTarget,
} from '@kepai/api-core';
import { ENTITIES, MIGRATIONS } from '../src/app/schema';
import { DATABASE_URL, freshDatabase, type TestDatabase } from './support/environment';

interface Engine {
  name: string;
  open(): Promise<{ target: DatabaseTarget; close(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'an empty embedded PGlite',
    open: async () => {
      const embedded = await EmbeddedPostgres.start({ dataDir: 'memory://' });
      return {
        target: { url: embedded.url, kind: 'pglite', fresh: true },
        close: () => embedded.stop(),
      };
    },
  },
];
if (DATABASE_URL !== null) {
  engines.push({
    name: 'an empty PostgreSQL database',
    open: async () => {
      const database: TestDatabase = await freshDatabase();
      return {
        target: { url: database.url as string, kind: 'postgresql', fresh: true },
        close: () => database.drop(),
      };
    },
  });
} else {
  console.warn('migrations on PostgreSQL: skipped, DATABASE_URL is not set (CI always sets it)');
}

describe.each(engines)('migrations on $name', (engine) => {
  let target: DatabaseTarget;
  let close: () => Promise<void>;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ target, close } = await engine.open());
    // the constraint tests fail queries on purpose; TypeORM need not log them
    dataSource = await new DataSource({
      ...dataSourceOptions({ target, entities: ENTITIES, migrations: MIGRATIONS }),
      logging: false,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await close?.();
  });

  it('starts with no tables of ours', async () => {
    const tables: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables).toEqual([]);
  });

  it('applies every migration, in order, once', async () => {
    const applied = await runMigrations(dataSource);
    expect(applied).toEqual(MIGRATIONS.map((migration) => (migration as { name: string }).name));
    expect(await runMigrations(dataSource)).toEqual([]);
    const tables: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['app_user', 'organisation', 'typeorm_migrations']),
    );
  });

  it('leaves nothing for a generated migration to add (the schema matches the entities)', async () => {
    const { up } = await pendingSchemaChanges(dataSource);
    expect(up).toEqual([]);
  });

  it('has pg_trgm for typo-tolerant search', async () => {
    const [row] = await dataSource.query(`SELECT similarity('graphene', 'grapheme') AS score`);
    expect(Number(row.score)).toBeGreaterThan(0.3);
  });

  it('enforces the organisation type and unique email at the database', async () => {
    await expect(
      dataSource.query(`INSERT INTO organisation (type, name, region) VALUES ('pirate', 'X', 'Y')`),
    ).rejects.toThrow(/organisation_type_check/);
    const [org] = await dataSource.query(
      `INSERT INTO organisation (type, name, credit_code, region) VALUES ('institute', '清华大学', '12100000400000624D', '北京') RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO app_user (email, password_hash, display_name, organisation_id, role) VALUES ('a@b.cn', 'h', 'A', $1, 'owner')`,
      [org.id],
    );
    await expect(
      dataSource.query(
        `INSERT INTO app_user (email, password_hash, display_name, organisation_id, role) VALUES ('a@b.cn', 'h', 'B', $1, 'member')`,
        [org.id],
      ),
    ).rejects.toThrow(/duplicate key/);
  });

  it('reverts every migration with its down step', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++)
      await dataSource.undoLastMigration({ transaction: 'all' });
    const tables: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
    );
    expect(tables).toEqual([]);
  });
});
