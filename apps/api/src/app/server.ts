import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import {
  EmbeddedPostgres,
  ErrorEnvelopeFilter,
  AUTH_RATE_LIMITED_PATHS,
  KepaiIoAdapter,
  REDIS,
  authRateLimit,
  connectRedis,
  createValidationPipe,
  type DatabaseTarget,
  type KepaiConfig,
} from '@kepai/api-core';
import { AppModule } from './app.module';

export interface KepaiServer {
  app: NestExpressApplication;
  /** Base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  database: DatabaseTarget;
  /** Graceful stop: no new connections, sockets closed, requests drained, pools closed. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Human-readable logs (a terminal); JSON lines otherwise. */
  prettyLogs?: boolean;
}

/** The folder of the built web app next to the built api, when it is there. */
export function defaultWebDist(apiDir: string): string | null {
  const candidate = join(apiDir, '..', 'web');
  return existsSync(join(candidate, 'index.html')) ? candidate : null;
}

/** The HTTP pipeline every Kepai server runs: prefix, helmet, validation, error envelope, OpenAPI. */
export function configureHttp(app: NestExpressApplication, config: KepaiConfig): void {
  app.setGlobalPrefix('api/v1');
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // the web app is served from this origin; its socket connects back to it
          'connect-src': ["'self'", ...config.allowedOrigins],
          'img-src': ["'self'", 'data:', 'blob:'],
          // Kepai may be served over plain HTTP behind a TLS terminator or on a LAN; upgrading
          // every asset request to https would break the page there
          'upgrade-insecure-requests': null,
        },
      },
      // HSTS belongs to whatever terminates TLS
      strictTransportSecurity: false,
    }),
  );
  if (config.allowedOrigins.length > 0)
    app.enableCors({ origin: config.allowedOrigins, credentials: true });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorEnvelopeFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kepai 科拍 API')
      .setDescription('REST api of the Kepai technology-results marketplace. Money is integer fen.')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('kepai_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}

/**
 * Starts the whole marketplace in this process: embedded PostgreSQL when DATABASE_URL is unset,
 * then the Nest app (migrations run before it serves), socket.io on the same port, and the web
 * app when it is built.
 */
export async function startKepai(
  config: KepaiConfig,
  options: StartOptions = {},
): Promise<KepaiServer> {
  const embedded =
    config.databaseUrl === null ? await EmbeddedPostgres.start({ dataDir: config.dataDir }) : null;
  const database: DatabaseTarget =
    embedded !== null
      ? { url: embedded.url, kind: 'pglite', fresh: embedded.fresh }
      : { url: config.databaseUrl as string, kind: 'postgresql', fresh: false };
  let app: NestExpressApplication | null = null;
  let adapterRedis: Redis | null = null;
  let appRedis: Redis | null = null;
  try {
    // the socket.io adapter blocks on XREAD, so it gets a connection of its own
    adapterRedis =
      config.redisUrl !== null ? await connectRedis(config.redisUrl, 'kepai-socket.io') : null;
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, database, {
        prettyLogs: options.prettyLogs ?? false,
        redisOpened: (client) => {
          appRedis = client;
        },
      }),
      // no urlencoded parser: a cross-site HTML form cannot post JSON without a CORS preflight,
      // so no other site can sign a browser in (login CSRF) or register on its behalf
      { bufferLogs: true, abortOnError: false, bodyParser: false },
    );
    app.useLogger(app.get(Logger));
    app.useWebSocketAdapter(
      new KepaiIoAdapter(app, { redis: adapterRedis, allowedOrigins: config.allowedOrigins }),
    );
    configureHttp(app, config);
    app.use(
      AUTH_RATE_LIMITED_PATHS,
      authRateLimit(config.authRateLimit, app.get<Redis | null>(REDIS)),
    );
    await app.listen(config.port, config.host);
  } catch (error) {
    await app?.close().catch(() => undefined);
    // a start that failed before the app existed leaves its connections to be closed here
    if (app === null) for (const client of [adapterRedis, appRedis]) client?.disconnect();
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const started = app;
  const address = started.getHttpServer().address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  let stopping: Promise<void> | null = null;
  return {
    app: started,
    url: `http://${host}:${address.port}`,
    database,
    stop: () => {
      stopping ??= (async () => {
        try {
          await started.close();
        } finally {
          await embedded?.stop();
        }
      })();
      return stopping;
    },
  };
}
