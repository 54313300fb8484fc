import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { io } from 'socket.io-client';
import { signIn } from './support/accounts';
import {
  freshDatabase,
  tempFolder,
  REDIS_URL,
  type TestDatabase,
  type TestFolder,
} from './support/environment';

// The built server, exactly as `npm start` runs it (the api's test target depends on its build).
const MAIN = join(import.meta.dirname, '..', '..', '..', 'dist', 'apps', 'api', 'main.js');

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const launched: Running[] = [];

function launch(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KEPAI_SEED: 'off',
      // other suites sign in from 127.0.0.1 too, counted in the same Redis
      KEPAI_AUTH_RATE_LIMIT: '10000',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const running = { child, url: '', output: () => output, exited };
  launched.push(running);
  return running;
}

// a failed assertion must not leave a server running (and Jest waiting for it)
afterEach(async () => {
  for (const running of launched.splice(0)) {
    if (running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
  }
});

async function listening(running: Running, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(running.output());
    if (match) return match[1];
    if (running.child.exitCode !== null)
      throw new Error(`server exited early:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start:\n${running.output()}`);
}

describe('the built server process', () => {
  beforeAll(() => {
    if (!existsSync(MAIN))
      throw new Error(`${MAIN} is missing: run "nx build api" (the test target does)`);
  });

  it('refuses a bad setting at start with one line naming the variable', async () => {
    const running = launch({ PORT: 'eighty' });
    expect(await running.exited).toBe(1);
    expect(running.output().trim()).toBe(
      'kepai: invalid configuration: PORT must be an integer from 0 to 65535 (got "eighty")',
    );
  });

  it('refuses an unreachable Redis at start with one line', async () => {
    const folder = tempFolder('redis-down');
    try {
      const running = launch({ KEPAI_DATA_DIR: folder.path, REDIS_URL: 'redis://127.0.0.1:1' });
      expect(await running.exited).toBe(1);
      expect(running.output()).toMatch(
        /kepai: failed to start: REDIS_URL: cannot reach redis:\/\/127\.0\.0\.1:1/,
      );
    } finally {
      folder.remove();
    }
  });

  describe('on SIGTERM', () => {
    let database: TestDatabase;
    let folder: TestFolder;

    beforeAll(async () => {
      database = await freshDatabase();
      folder = tempFolder('sigterm');
    });
    afterAll(async () => {
      await database?.drop();
      folder?.remove();
    });

    it('closes sockets, drains, closes its pools and exits 0', async () => {
      const env: Record<string, string> = {
        KEPAI_DATA_DIR: folder.path,
        KEPAI_ADMIN_EMAIL: 'ops@kepai.example',
        KEPAI_ADMIN_PASSWORD: 'shutdown drill 2026',
      };
      if (database.url !== null) env['DATABASE_URL'] = database.url;
      if (REDIS_URL !== null) env['REDIS_URL'] = REDIS_URL;
      const running = launch(env);
      const url = await listening(running);

      const health = await fetch(`${url}/api/v1/health`);
      expect(health.status).toBe(200);

      const admin = await signIn(url, 'ops@kepai.example', 'shutdown drill 2026');
      const socket = io(`${url}/auction`, {
        transports: ['websocket'],
        reconnection: false,
        auth: { token: admin.token },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      expect(running.output()).toContain('kepai: shutdown complete');
      await expect(disconnected).resolves.toBeDefined();
      await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();

      if (database.url !== null) {
        // the pool is closed: nobody is connected to the suite's database any more
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kepai-api'`,
        );
        await client.end();
        expect(rows[0].n).toBe(0);
      } else {
        // embedded PGlite was closed cleanly and released the folder
        expect(existsSync(join(folder.path, 'kepai.lock'))).toBe(false);
      }
    });
  });
});
