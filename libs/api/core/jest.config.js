import { nodeProject } from '../../../tools/jest/preset.js';

export default nodeProject('api-core', import.meta.dirname);
