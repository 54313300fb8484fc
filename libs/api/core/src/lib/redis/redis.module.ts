import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';

/** Injection token of the shared ioredis client, or null when REDIS_URL is unset. */
export const REDIS = Symbol('REDIS');

/** A connection string with any password taken out, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Opens a client and waits until Redis answers, or fails with one clear line. */
export async function connectRedis(url: string, name: string, timeoutMs = 5_000): Promise<Redis> {
  const logger = new Logger('Redis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectionName: name,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 3,
    enableOfflineQueue: true,
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    if (error.message !== lastError) logger.warn(`${name}: ${error.message}`);
    lastError = error.message;
  });
  client.on('ready', () => {
    lastError = '';
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new Error(`REDIS_URL: cannot reach ${redactUrl(url)} (${(error as Error).message})`, {
      cause: error,
    });
  }
  return client;
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis !== null && this.redis.status !== 'end')
      await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

@Module({})
export class RedisModule {
  /**
   * `opened` hears of the connection as soon as it is made: if the app then fails to start, Nest
   * shuts nothing down, and whoever started it must close the connection itself.
   */
  static forRoot(url: string | null, opened?: (client: Redis) => void): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        {
          provide: REDIS,
          useFactory: async () => {
            if (url === null) return null;
            const client = await connectRedis(url, 'kepai');
            opened?.(client);
            return client;
          },
        },
        RedisLifecycle,
      ],
      exports: [REDIS],
    };
  }
}
