import { webProject } from '../../tools/jest/preset.js';

export default webProject('web', import.meta.dirname, {
  setupFiles: ['<rootDir>/src/test-setup.ts'],
  // antd forms rendered in jsdom take seconds on a loaded 2-core machine: a ceiling, not a target
  testTimeout: 30_000,
});
