import { IDENTITY_ENTITIES } from '@kepai/api-identity';
import { MIGRATIONS } from '../migrations';

/** Every table of Kepai: each domain library contributes its entities. */
export const ENTITIES = [...IDENTITY_ENTITIES];

export { MIGRATIONS };
