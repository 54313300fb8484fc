import { nodeProject } from '../../../tools/jest/preset.js';

// the figures themselves are checked by the api's integration suite (stats), against real databases
export default nodeProject('api-stats', import.meta.dirname);
