import { nodeProject } from '../../../tools/jest/preset.js';

export default nodeProject('api-auctions', import.meta.dirname);
