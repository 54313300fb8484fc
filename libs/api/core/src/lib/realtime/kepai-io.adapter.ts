import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

export interface KepaiIoAdapterOptions {
  /**
   * A connection of the adapter's own (it publishes on it and duplicates it for its blocking
   * XREAD loop), or null for the in-memory adapter.
   */
  redis: Redis | null;
  allowedOrigins: string[];
}

/**
 * socket.io on the api's own port. With Redis, rooms and broadcasts span every api node through
 * the Redis streams adapter, which also keeps the session state needed for connection state
 * recovery across nodes; without it, the in-memory adapter of a single node.
 */
export class KepaiIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly options: KepaiIoAdapterOptions,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const { redis, allowedOrigins } = this.options;
    return super.createIOServer(port, {
      ...options,
      serveClient: false,
      cors: allowedOrigins.length > 0 ? { origin: allowedOrigins, credentials: true } : undefined,
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
      ...(redis !== null
        ? {
            adapter: createAdapter(redis, {
              streamName: 'kepai:socket.io',
              maxLen: 100_000,
              // the read loop notices a shutdown only between reads; keep that wait short
              blockTimeInMs: 1_000,
            }),
          }
        : {}),
    } as ServerOptions) as Server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    const redis = this.options.redis;
    if (redis !== null && redis.status !== 'end') redis.disconnect();
  }
}
