import 'reflect-metadata';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { Type } from 'class-transformer';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `auto` is the default: `demo` on an empty embedded database, `off` otherwise (DESIGN §7). */
export type SeedMode = 'demo' | 'off' | 'auto';

/** The typed configuration of DESIGN §7, read once at boot. */
export interface KepaiConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; null selects embedded PGlite. */
  databaseUrl: string | null;
  /** Redis connection string; null selects the in-process stores and adapters. */
  redisUrl: string | null;
  /** Absolute path of the folder holding embedded PGlite data and uploads. */
  dataDir: string;
  admin: { email: string; password: string } | null;
  seed: SeedMode;
  logLevel: LogLevel;
  /** Origins allowed to open sockets and make cookie requests; empty means same origin only. */
  allowedOrigins: string[];
  /** Folder of the built web app to serve, or null to serve the api alone. */
  webDist: string | null;
  /** Sign-in, registration and invitation attempts allowed per client IP per minute. */
  authRateLimit: number;
  /** Reverse proxies in front of the api whose X-Forwarded-For is believed (0: none). */
  trustProxyHops: number;
  /** Seconds a search ranking (which carries popularity) may be reused; 0 ranks every search afresh. */
  searchRankingSeconds: number;
  /** Bids one user may place per second, across lots (more are refused RATE_LIMITED). */
  bidRateLimit: number;
}

/** A bad setting: the message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const URL_ORIGIN = /^https?:\/\/[^/\s]+$/;

/** The environment as it arrives; every field is checked before any of it is used. */
class EnvironmentVariables {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 0 to 65535' })
  @Min(0, { message: 'must be an integer from 0 to 65535' })
  @Max(65535, { message: 'must be an integer from 0 to 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]+$/, { message: 'must be a host name or IP address' })
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  KEPAI_DATA_DIR?: string;

  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  KEPAI_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters long' })
  KEPAI_ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsIn(['demo', 'off'], { message: 'must be "demo" or "off"' })
  KEPAI_SEED?: 'demo' | 'off';

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @IsString()
  KEPAI_ALLOWED_ORIGINS?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  KEPAI_WEB_DIST?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 100000' })
  @Min(1, { message: 'must be an integer from 1 to 100000' })
  @Max(100_000, { message: 'must be an integer from 1 to 100000' })
  KEPAI_AUTH_RATE_LIMIT?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 0 to 10' })
  @Min(0, { message: 'must be an integer from 0 to 10' })
  @Max(10, { message: 'must be an integer from 0 to 10' })
  KEPAI_TRUST_PROXY?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 0 to 3600' })
  @Min(0, { message: 'must be an integer from 0 to 3600' })
  @Max(3600, { message: 'must be an integer from 0 to 3600' })
  KEPAI_SEARCH_RANKING_SECONDS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 10000' })
  @Min(1, { message: 'must be an integer from 1 to 10000' })
  @Max(10_000, { message: 'must be an integer from 1 to 10000' })
  KEPAI_BID_RATE_LIMIT?: number;
}

const KNOWN = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'REDIS_URL',
  'KEPAI_DATA_DIR',
  'KEPAI_ADMIN_EMAIL',
  'KEPAI_ADMIN_PASSWORD',
  'KEPAI_SEED',
  'LOG_LEVEL',
  'KEPAI_ALLOWED_ORIGINS',
  'KEPAI_WEB_DIST',
  'KEPAI_AUTH_RATE_LIMIT',
  'KEPAI_TRUST_PROXY',
  'KEPAI_SEARCH_RANKING_SECONDS',
  'KEPAI_BID_RATE_LIMIT',
] as const;

/**
 * Reads and checks the configuration. Empty strings count as unset, so `PORT=` in a `.env`
 * file means "the default". Throws ConfigError on the first bad variable, in table order.
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  defaults: { webDist?: string | null; cwd?: string } = {},
): KepaiConfig {
  const raw: Record<string, string> = {};
  for (const name of KNOWN) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }
  const vars = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(vars, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const first = [...errors].sort(
      (a, b) => KNOWN.indexOf(a.property as never) - KNOWN.indexOf(b.property as never),
    )[0];
    const problem = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = first.property.includes('PASSWORD')
      ? ''
      : ` (got ${JSON.stringify(raw[first.property])})`;
    throw new ConfigError(first.property, `${problem}${shown}`);
  }
  if ((vars.KEPAI_ADMIN_EMAIL === undefined) !== (vars.KEPAI_ADMIN_PASSWORD === undefined)) {
    const missing =
      vars.KEPAI_ADMIN_EMAIL === undefined ? 'KEPAI_ADMIN_EMAIL' : 'KEPAI_ADMIN_PASSWORD';
    throw new ConfigError(missing, 'must be set together with the other KEPAI_ADMIN_ variable');
  }
  const allowedOrigins = (vars.KEPAI_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const badOrigin = allowedOrigins.find((origin) => !URL_ORIGIN.test(origin));
  if (badOrigin !== undefined) {
    throw new ConfigError(
      'KEPAI_ALLOWED_ORIGINS',
      `must be a comma-separated list of origins like https://kepai.example (got ${JSON.stringify(badOrigin)})`,
    );
  }
  const cwd = defaults.cwd ?? process.cwd();
  return {
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '0.0.0.0',
    databaseUrl: vars.DATABASE_URL ?? null,
    redisUrl: vars.REDIS_URL ?? null,
    dataDir: resolve(cwd, vars.KEPAI_DATA_DIR ?? 'data'),
    admin:
      vars.KEPAI_ADMIN_EMAIL !== undefined && vars.KEPAI_ADMIN_PASSWORD !== undefined
        ? { email: vars.KEPAI_ADMIN_EMAIL.toLowerCase(), password: vars.KEPAI_ADMIN_PASSWORD }
        : null,
    seed: vars.KEPAI_SEED ?? 'auto',
    logLevel: vars.LOG_LEVEL ?? 'info',
    allowedOrigins,
    webDist:
      vars.KEPAI_WEB_DIST !== undefined
        ? resolve(cwd, vars.KEPAI_WEB_DIST)
        : (defaults.webDist ?? null),
    authRateLimit: vars.KEPAI_AUTH_RATE_LIMIT ?? 20,
    trustProxyHops: vars.KEPAI_TRUST_PROXY ?? 0,
    searchRankingSeconds: vars.KEPAI_SEARCH_RANKING_SECONDS ?? 60,
    bidRateLimit: vars.KEPAI_BID_RATE_LIMIT ?? 20,
  };
}
