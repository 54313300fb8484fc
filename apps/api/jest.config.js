import { nodeProject } from '../../tools/jest/preset.js';

export default nodeProject('api', import.meta.dirname, { testTimeout: 60_000 });
