import { nodeProject } from '../../tools/jest/preset.js';

export default nodeProject('web-e2e', import.meta.dirname, {
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
});
