export * from './lib/auction.types';
export * from './lib/ladder.rules';
export * from './lib/lot.rules';
export * from './lib/bid.rules';
export * from './lib/control.rules';
