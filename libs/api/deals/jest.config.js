import { nodeProject } from '../../../tools/jest/preset.js';

// the deals are exercised through the api's integration suites (bidding: a sold lot makes its deal)
export default nodeProject('api-deals', import.meta.dirname, { passWithNoTests: true });
