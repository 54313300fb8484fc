import { nodeProject } from '../../../tools/jest/preset.js';

export default nodeProject('api-catalogue', import.meta.dirname);
