export * from './lib/deal.entity';

import { DealEntity } from './lib/deal.entity';

/** The deals' tables, for the app's data source. */
export const DEAL_ENTITIES = [DealEntity];
