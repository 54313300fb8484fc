import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The marketplace started with `npm start`, exactly as the README says, on embedded defaults
 * unless DATABASE_URL / REDIS_URL are set; with its own data folder and an ephemeral port.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kepai-e2e-'));
  const child: ChildProcess = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      KEPAI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  let url: string | null = null;
  while (url === null) {
    const match = /listening on (http:\/\/[\d.]+:\d+) .*web: (\S+)\)/.exec(output);
    if (match) {
      if (match[2] === 'not') throw new Error('npm start did not build the web app');
      url = match[1];
    } else if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm start did not start the server:\n${output}`);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    stop: async () => {
      // the whole group: npm, the start script and the server
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
