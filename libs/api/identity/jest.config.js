import { nodeProject } from '../../../tools/jest/preset.js';

export default nodeProject('api-identity', import.meta.dirname);
