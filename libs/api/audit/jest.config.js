import { nodeProject } from '../../../tools/jest/preset.js';

export default nodeProject('api-audit', import.meta.dirname);
