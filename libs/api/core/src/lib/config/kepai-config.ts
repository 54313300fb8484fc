import 'reflect-metadata';
import { statSync } from 'node:fs';
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
  /** Seconds a node may serve the same public statistics; 0 reads the tables on every request. */
  statsCacheSeconds: number;
  /** Bids one user may place per second, across lots (more are refused RATE_LIMITED). */
  bidRateLimit: number;
  /** Where the outbox's emails go (smtp:// or smtps://); null logs each email instead. */
  smtpUrl: string | null;
  /** The From of every email, e.g. `科拍 Kepai <noreply@kepai.local>`. */
  mailFrom: string;
  /** The CJK font of the confirmation of sale (成交确认书); checked at boot only when set. */
  cjkFont: CjkFontFile;
}

/** A font file, and for a collection (.ttc/.otc) the PostScript name of the face to use. */
export interface CjkFontFile {
  path: string;
  face: string | null;
}

/** Debian's fonts-noto-cjk: Noto Sans CJK, simplified Chinese face. */
export const DEFAULT_CJK_FONT: CjkFontFile = {
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  face: 'NotoSansCJKsc-Regular',
};

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
/** `address@host`, or `Display Name <address@host>`. */
const MAIL_FROM = /^(?:[^<>@\r\n]+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

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
  @IsInt({ message: 'must be an integer from 0 to 3600' })
  @Min(0, { message: 'must be an integer from 0 to 3600' })
  @Max(3600, { message: 'must be an integer from 0 to 3600' })
  KEPAI_STATS_CACHE_SECONDS?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 10000' })
  @Min(1, { message: 'must be an integer from 1 to 10000' })
  @Max(10_000, { message: 'must be an integer from 1 to 10000' })
  KEPAI_BID_RATE_LIMIT?: number;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @Matches(MAIL_FROM, {
    message:
      'must be an email address, or a name and an address like 科拍 Kepai <noreply@kepai.example>',
  })
  KEPAI_MAIL_FROM?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  KEPAI_CJK_FONT?: string;
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
  'KEPAI_STATS_CACHE_SECONDS',
  'KEPAI_BID_RATE_LIMIT',
  'SMTP_URL',
  'KEPAI_MAIL_FROM',
  'KEPAI_CJK_FONT',
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
    // secrets stay out of the message: passwords, and SMTP URLs that may carry credentials
    const shown =
      first.property.includes('PASSWORD') || first.property === 'SMTP_URL'
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
    statsCacheSeconds: vars.KEPAI_STATS_CACHE_SECONDS ?? 60,
    bidRateLimit: vars.KEPAI_BID_RATE_LIMIT ?? 20,
    smtpUrl: vars.SMTP_URL ?? null,
    mailFrom: vars.KEPAI_MAIL_FROM ?? '科拍 Kepai <noreply@kepai.local>',
    cjkFont:
      vars.KEPAI_CJK_FONT !== undefined
        ? cjkFontFile(vars.KEPAI_CJK_FONT, cwd)
        : { ...DEFAULT_CJK_FONT },
  };
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;
const COLLECTION = /\.(ttc|otc)$/i;
/** `file#PostScriptName`: a PostScript name is at most 63 letters, digits and `-_.+`. */
const WITH_FACE = /^(.+)#([A-Za-z0-9_.+-]{1,63})$/;

/**
 * `KEPAI_CJK_FONT`: `path` or, for a collection, `path#PostScriptName` (e.g.
 * `/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular`). Set, it must
 * name a font file that exists; unset, the default is looked for only when a PDF is made.
 */
function cjkFontFile(value: string, cwd: string): CjkFontFile {
  const named = WITH_FACE.exec(value);
  const path = resolve(cwd, named !== null ? named[1] : value);
  const face = named !== null ? named[2] : null;
  const refuse = (problem: string): never => {
    throw new ConfigError('KEPAI_CJK_FONT', `${problem} (got ${JSON.stringify(value)})`);
  };
  if (!FONT_FILE.test(path)) refuse('must be a .ttf, .otf, .ttc or .otc font file');
  if (face === null && COLLECTION.test(path))
    refuse(
      'must name the face of a font collection after #, like NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
    );
  let file: boolean;
  try {
    file = statSync(path).isFile();
  } catch {
    file = false;
  }
  if (!file) refuse('must be a font file that exists');
  return { path, face };
}
