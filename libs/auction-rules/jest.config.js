import { nodeProject } from '../../tools/jest/preset.js';

export default nodeProject('auction-rules', import.meta.dirname);
