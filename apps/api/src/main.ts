import { ConfigError, loadConfig } from '@kepai/api-core';
import { defaultWebDist, startKepai } from './app/server';

const DRAIN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { webDist: defaultWebDist(import.meta.dirname) });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`kepai: invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // pretty logs for a developer's terminal; JSON lines everywhere else (pino-pretty is a dev tool)
  const server = await startKepai(config, {
    prettyLogs: process.stdout.isTTY && process.env['NODE_ENV'] !== 'production',
  });
  const where =
    server.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(
    `kepai: listening on ${server.url} (database: ${where}; bid store: ${config.redisUrl === null ? 'in-process' : 'Redis'}; web: ${config.webDist ?? 'not built'})`,
  );

  const shutdown = (signal: string): void => {
    console.log(`kepai: ${signal} received, shutting down`);
    const force = setTimeout(() => {
      console.error(`kepai: shutdown took longer than ${DRAIN_TIMEOUT_MS} ms, exiting`);
      process.exit(1);
    }, DRAIN_TIMEOUT_MS);
    force.unref();
    server.stop().then(
      () => {
        console.log('kepai: shutdown complete');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`kepai: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(
    `kepai: failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
