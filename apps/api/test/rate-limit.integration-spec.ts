import { join } from 'node:path';
import request from 'supertest';
import { startKepai, type KepaiServer } from '../src/app/server';
import { uniqueEmail } from './support/accounts';
import {
  REDIS_URL,
  TARGET,
  freshDatabase,
  tempFolder,
  testConfig,
  type TestDatabase,
  type TestFolder,
} from './support/environment';

const LIMIT = '3';

/** A sign-in with a fresh email each time, so only the per-address limit can refuse it. */
function attempt(url: string): Promise<request.Response> {
  return request(url)
    .post('/api/v1/auth/login')
    .send({ email: uniqueEmail('guess'), password: 'guessing-a-password' });
}

describe(`rate limits on the password routes on ${TARGET}`, () => {
  let database: TestDatabase;
  let folder: TestFolder;
  const servers: KepaiServer[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    folder = tempFolder('rate');
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
    folder?.remove();
  });

  // other suites' servers count this same address (127.0.0.1) in Redis within the minute
  beforeEach(async () => {
    if (REDIS_URL === null) return;
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    await redis.eval(
      `for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end`,
      0,
      'kepai:rate-limit:auth:*',
    );
    redis.disconnect();
  });

  it('refuses the attempt past the limit with RATE_LIMITED, and leaves other routes alone', async () => {
    const server = await startKepai(
      testConfig(database, join(folder.path, 'one'), { KEPAI_AUTH_RATE_LIMIT: LIMIT }),
    );
    servers.push(server);
    for (let i = 0; i < 3; i++) expect((await attempt(server.url)).status).toBe(401);
    const refused = await attempt(server.url);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^Too many attempts from this address; try again in \d+ s$/),
      },
    });
    expect(refused.headers['ratelimit-policy']).toBeDefined();
    const register = await request(server.url).post('/api/v1/auth/register').send({});
    expect(register.status).toBe(429);
    await request(server.url).get('/api/v1/health').expect(200);
  });

  (REDIS_URL === null ? it.skip : it)(
    'holds the limit across two api nodes sharing Redis',
    async () => {
      const nodeA = await startKepai(
        testConfig(database, join(folder.path, 'a'), { KEPAI_AUTH_RATE_LIMIT: LIMIT }),
      );
      servers.push(nodeA);
      const nodeB = await startKepai(
        testConfig(database, join(folder.path, 'b'), { KEPAI_AUTH_RATE_LIMIT: LIMIT }),
      );
      servers.push(nodeB);
      expect((await attempt(nodeA.url)).status).toBe(401);
      expect((await attempt(nodeA.url)).status).toBe(401);
      expect((await attempt(nodeB.url)).status).toBe(401);
      expect((await attempt(nodeB.url)).status).toBe(429);
      expect((await attempt(nodeA.url)).status).toBe(429);
    },
  );
});
