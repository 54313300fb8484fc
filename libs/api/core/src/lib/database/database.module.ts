import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { runMigrations } from './migrator';

/** Where the api's database is: a real PostgreSQL, or embedded PGlite behind loopback. */
export interface DatabaseTarget {
  url: string;
  kind: 'postgresql' | 'pglite';
  /** True when the embedded folder was created by this start (used by KEPAI_SEED=auto). */
  fresh: boolean;
}

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

export interface DatabaseModuleOptions {
  target: DatabaseTarget;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: MixedList<Function | string>;
}

export function dataSourceOptions(options: DatabaseModuleOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.target.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'typeorm_migrations',
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; no extension to install
    uuidExtension: 'pgcrypto',
    // extensions are created by migrations, never implicitly at connect
    installExtensions: false,
    migrationsRun: false,
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    extra: {
      // embedded PGlite runs one statement at a time; a small pool is plenty
      max: options.target.kind === 'pglite' ? 4 : 10,
      connectionTimeoutMillis: 5_000,
      application_name: 'kepai-api',
    },
  };
}

/** Connection failures worth waiting out at start (a database still starting, a busy network). */
const TRANSIENT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND', // a name not (yet) in DNS, as while a compose network comes up
  'EHOSTUNREACH',
  '57P01', // admin_shutdown: the server restarted under us
  '57P03', // cannot_connect_now: the server is starting up
  '53300', // too_many_connections
]);

/**
 * Whether a failed start should try the database again: yes while it may still come up; no for a
 * database that does not exist or refuses the credentials, which no wait will change.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return TRANSIENT.has(code);
  return /timeout|terminated unexpectedly/i.test(String((error as Error | null)?.message ?? ''));
}

/** TypeORM on PostgreSQL or embedded PGlite; migrations are applied before the app serves. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          // five tries two seconds apart while the database may still be starting; none otherwise
          useFactory: () => ({
            ...dataSourceOptions(options),
            retryAttempts: 5,
            retryDelay: 2_000,
            toRetry: isTransientDatabaseError,
          }),
          dataSourceFactory: async (resolved) => {
            if (resolved === undefined) throw new Error('database options missing');
            const dataSource = await new DataSource(resolved).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DATABASE_TARGET, useValue: options.target }],
      exports: [DATABASE_TARGET],
    };
  }
}
