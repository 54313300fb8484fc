import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { REDIS, type KepaiConfig } from '@kepai/api-core';
import type { HealthReport, TimeSyncEvent } from '@kepai/contracts';
import type { Redis } from 'ioredis';
import { startKepai, type KepaiServer } from '../src/app/server';
import { signIn } from './support/accounts';
import {
  REDIS_URL,
  TARGET,
  freshDatabase,
  tempFolder,
  testConfig,
  type TestDatabase,
  type TestFolder,
} from './support/environment';

const INDEX_HTML = '<!doctype html><html><body><div id="root">kepai web</div></body></html>';

/** A built web app as Vite leaves it: index.html plus hashed assets. */
function writeWebDist(folder: string): string {
  const dist = join(folder, 'web');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX_HTML);
  writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("kepai");');
  return dist;
}

describe(`the api on ${TARGET}`, () => {
  let database: TestDatabase;
  let folder: TestFolder;
  let config: KepaiConfig;
  let server: KepaiServer;

  beforeAll(async () => {
    database = await freshDatabase();
    folder = tempFolder('http');
    config = {
      ...testConfig(database, join(folder.path, 'data'), {
        KEPAI_ADMIN_EMAIL: 'Root@Kepai.example',
        KEPAI_ADMIN_PASSWORD: 'a long admin passphrase',
      }),
      webDist: writeWebDist(folder.path),
    };
    server = await startKepai(config);
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    folder?.remove();
  });

  describe('GET /api/v1/health', () => {
    it('reports the database and Redis as up', async () => {
      const response = await request(server.url).get('/api/v1/health').expect(200);
      const report = response.body as HealthReport;
      expect(report.status).toBe('ok');
      expect(report.database).toEqual({
        status: 'up',
        detail: config.databaseUrl === null ? 'embedded pglite' : 'postgresql',
      });
      expect(report.redis).toEqual(
        REDIS_URL === null
          ? { status: 'disabled', detail: 'in-process' }
          : { status: 'up', detail: 'redis' },
      );
      expect(Math.abs(Date.parse(report.serverTime) - Date.now())).toBeLessThan(60_000);
    });

    it('answers 503 and names the component when the database stops answering', async () => {
      const dataSource = server.app.get(await import('typeorm').then((m) => m.DataSource));
      const query = dataSource.query.bind(dataSource);
      dataSource.query = () => Promise.reject(new Error('connection terminated'));
      try {
        const response = await request(server.url).get('/api/v1/health').expect(503);
        expect((response.body as HealthReport).status).toBe('error');
        expect((response.body as HealthReport).database.status).toBe('down');
      } finally {
        dataSource.query = query;
      }
      await request(server.url).get('/api/v1/health').expect(200);
    });

    (REDIS_URL === null ? it.skip : it)(
      'answers 503 and names Redis when Redis stops answering',
      async () => {
        const redis = server.app.get<Redis>(REDIS);
        const ping = redis.ping.bind(redis);
        redis.ping = (() => Promise.reject(new Error('ECONNREFUSED'))) as typeof redis.ping;
        try {
          const response = await request(server.url).get('/api/v1/health').expect(503);
          expect((response.body as HealthReport).redis.status).toBe('down');
          expect((response.body as HealthReport).database.status).toBe('up');
        } finally {
          redis.ping = ping;
        }
      },
    );
  });

  describe('the error envelope', () => {
    it('answers an unknown api route with NOT_FOUND, not the web app', async () => {
      const response = await request(server.url).get('/api/v1/no-such-thing').expect(404);
      expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    });

    it('answers malformed JSON with INVALID_INPUT', async () => {
      const response = await request(server.url)
        .post('/api/v1/health')
        .set('content-type', 'application/json')
        .send('{"broken":')
        .expect(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    });

    it('refuses a body over 1 MB with PAYLOAD_TOO_LARGE', async () => {
      const response = await request(server.url)
        .post('/api/v1/health')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ blob: 'x'.repeat(1_100_000) }))
        .expect(413);
      expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('request ids', () => {
    it('echoes a sane x-request-id and makes one up otherwise', async () => {
      const given = await request(server.url).get('/api/v1/health').set('x-request-id', 'trace-42');
      expect(given.headers['x-request-id']).toBe('trace-42');
      const made = await request(server.url)
        .get('/api/v1/health')
        .set('x-request-id', 'no spaces <allowed>');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('the web app', () => {
    it('serves index.html at the root', async () => {
      const response = await request(server.url).get('/').expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toBe(INDEX_HTML);
    });

    it('falls back to index.html for client-side routes (history fallback)', async () => {
      const response = await request(server.url)
        .get('/results/8f2c/detail?tab=patents')
        .expect(200);
      expect(response.text).toBe(INDEX_HTML);
    });

    it('serves built assets as files', async () => {
      const response = await request(server.url).get('/assets/app-1a2b3c.js').expect(200);
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.text).toContain('kepai');
    });

    it('sends the security headers of helmet', async () => {
      const response = await request(server.url).get('/').expect(200);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
      // plain-HTTP deployments must keep working: HSTS and upgrades belong to the TLS terminator
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['content-security-policy']).not.toContain(
        'upgrade-insecure-requests',
      );
    });
  });

  describe('OpenAPI', () => {
    it('serves the document with the health route', async () => {
      const response = await request(server.url).get('/api/docs/openapi.json').expect(200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(Object.keys(response.body.paths)).toContain('/api/v1/health');
      await request(server.url).get('/api/docs').expect(200);
    });
  });

  describe('the platform admin from KEPAI_ADMIN_EMAIL / KEPAI_ADMIN_PASSWORD', () => {
    it('exists once, in the platform organisation, with an argon2id hash', async () => {
      const { DataSource } = await import('typeorm');
      const rows = await server.app
        .get(DataSource)
        .query(
          `SELECT u.email, u.role, u.password_hash, o.type, o.verified FROM app_user u JOIN organisation o ON o.id = u.organisation_id`,
        );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        email: 'root@kepai.example',
        role: 'admin',
        type: 'platform',
        verified: true,
      });
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(rows[0].password_hash).not.toContain('a long admin passphrase');
    });
  });

  describe('socket.io on /auction', () => {
    let socket: Socket | undefined;
    afterEach(() => socket?.disconnect());

    it('sends the server time on connect and answers time:sync', async () => {
      const admin = await signIn(server.url, 'root@kepai.example', 'a long admin passphrase');
      socket = io(`${server.url}/auction`, {
        transports: ['websocket'],
        reconnection: false,
        auth: { token: admin.token },
      });
      const pushed = await new Promise<TimeSyncEvent>((resolve, reject) => {
        socket?.once('time:sync', resolve);
        socket?.once('connect_error', reject);
      });
      expect(Math.abs(Date.parse(pushed.serverTime) - Date.now())).toBeLessThan(60_000);
      const reply = (await socket.timeout(5_000).emitWithAck('time:sync', {})) as {
        ok: boolean;
        serverTime: string;
      };
      expect(reply.ok).toBe(true);
      expect(Date.parse(reply.serverTime)).toBeGreaterThanOrEqual(Date.parse(pushed.serverTime));
    });
  });
});

describe('restarting with the same KEPAI_ADMIN_EMAIL', () => {
  it('keeps the one admin and does not reset the password', async () => {
    const database = await freshDatabase();
    const folder = tempFolder('admin');
    const dataDir = join(folder.path, 'data');
    const read = async (server: KepaiServer) => {
      const { DataSource } = await import('typeorm');
      return server.app
        .get(DataSource)
        .query(`SELECT email, password_hash FROM app_user WHERE role = 'admin'`);
    };
    try {
      const first = await startKepai(
        testConfig(database, dataDir, {
          KEPAI_ADMIN_EMAIL: 'ops@kepai.example',
          KEPAI_ADMIN_PASSWORD: 'first password 1',
        }),
      );
      const before = await read(first);
      await first.stop();
      const second = await startKepai(
        testConfig(database, dataDir, {
          KEPAI_ADMIN_EMAIL: 'ops@kepai.example',
          KEPAI_ADMIN_PASSWORD: 'second password 2',
        }),
      );
      const after = await read(second);
      await second.stop();
      expect(after).toHaveLength(1);
      expect(after[0].password_hash).toBe(before[0].password_hash);
    } finally {
      await database.drop();
      folder.remove();
    }
  });
});
