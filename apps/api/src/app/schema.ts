import { AUCTION_ENTITIES } from '@kepai/api-auctions';
import { AUDIT_ENTITIES } from '@kepai/api-audit';
import { CATALOGUE_ENTITIES } from '@kepai/api-catalogue';
import { DEAL_ENTITIES } from '@kepai/api-deals';
import { IDENTITY_ENTITIES } from '@kepai/api-identity';
import { NOTIFICATION_ENTITIES } from '@kepai/api-notifications';
import { MIGRATIONS } from '../migrations';

/** Every table of Kepai: each domain library contributes its entities. */
export const ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...CATALOGUE_ENTITIES,
  ...AUCTION_ENTITIES,
  ...DEAL_ENTITIES,
  ...NOTIFICATION_ENTITIES,
];

export { MIGRATIONS };
