export * from './lib/bid-store';
export * from './lib/bid-persister';
export * from './lib/bidding.service';
export * from './lib/bidding.gateway';
export * from './lib/bidding.module';
export * from './lib/lot-closer.service';
