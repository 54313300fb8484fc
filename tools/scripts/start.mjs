// `npm start`: build what is stale (Nx caches every build by its inputs), then run the whole
// marketplace in this terminal. Signals are passed on so that Ctrl-C shuts down gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const nx = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');

const build = spawnSync(
  process.execPath,
  [nx, 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
  },
);
if (build.status !== 0) {
  console.error('kepai: the build failed; see above');
  process.exit(build.status ?? 1);
}

const api = spawn(
  process.execPath,
  ['--enable-source-maps', join(root, 'dist', 'apps', 'api', 'main.js')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => api.kill(signal));
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
