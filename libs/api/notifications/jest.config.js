import { nodeProject } from '../../../tools/jest/preset.js';

// the email text is unit-tested here; the centre itself through the api's integration suites
// (apps/api/test/notifications.integration-spec.ts), against real databases
export default nodeProject('api-notifications', import.meta.dirname);
