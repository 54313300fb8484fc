import { nodeProject } from '../../../tools/jest/preset.js';

export default nodeProject('api-bidding', import.meta.dirname);
