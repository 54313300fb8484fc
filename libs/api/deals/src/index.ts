export * from './lib/deal.entity';
export * from './lib/deal-rules';
export * from './lib/deal-workflow';
export * from './lib/deal-scheduler.service';
export * from './lib/deposit-ledger';
export * from './lib/deals.service';
export * from './lib/deals.module';
export * from './lib/confirmation/deal-confirmation.module';

import { DealEntity, DealEventEntity } from './lib/deal.entity';

/** The deals' tables, for the app's data source. */
export const DEAL_ENTITIES = [DealEntity, DealEventEntity];
