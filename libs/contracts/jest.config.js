import { nodeProject } from '../../tools/jest/preset.js';

export default nodeProject('contracts', import.meta.dirname);
