/**
 * A start that fails half-way gives back what it took: no Redis connection of the failed node is
 * left open (a test runner, or a supervisor restarting the api, would otherwise collect them).
 */
import { Redis } from 'ioredis';
import { startKepai } from '../src/app/server';
import { REDIS_URL, freshDatabase, tempFolder, testConfig } from './support/environment';

/** The names of the clients connected to REDIS_URL's database now. */
async function clientNames(): Promise<string[]> {
  const probe = new Redis(REDIS_URL as string);
  try {
    const db = String(probe.options.db ?? 0);
    const list = (await probe.client('LIST')) as string;
    return list
      .split('\n')
      .filter((line) => / db=(\d+)/.exec(line)?.[1] === db)
      .map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '')
      .filter((name) => name !== '');
  } finally {
    probe.disconnect();
  }
}

(REDIS_URL !== null ? describe : describe.skip)('a start that fails', () => {
  it('closes the Redis connections it had opened (socket.io and the app)', async () => {
    const database = await freshDatabase();
    const folder = tempFolder('failed-start');
    try {
      const ours = async () =>
        (await clientNames()).filter((name) => name === 'kepai-socket.io' || name === 'kepai')
          .length;
      const before = await ours();
      // a database that does not exist on the server: the app fails after Redis is connected
      const config = testConfig(database, folder.path, {
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/kepai_no_such_database',
      });
      await expect(startKepai(config)).rejects.toThrow();
      // ioredis disconnects at once; the server drops the client within moments
      let after = before + 1;
      for (let tries = 0; tries < 50 && after > before; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await ours();
      }
      expect(after).toBe(before);
    } finally {
      await database.drop();
      folder.remove();
    }
  });
});
