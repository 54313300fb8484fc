export * from './lib/auction.entities';
export * from './lib/lot-view';
export * from './lib/sessions.service';
export * from './lib/registrations.service';
export * from './lib/my-bids.service';
export * from './lib/favourite-lot-opening.service';
export * from './lib/auctions.module';

import {
  AuctionSessionEntity,
  BidEntity,
  DepositEntryEntity,
  LotEntity,
  RegistrationEntity,
} from './lib/auction.entities';

/** The auctions' tables, for the app's data source. */
export const AUCTION_ENTITIES = [
  AuctionSessionEntity,
  LotEntity,
  RegistrationEntity,
  DepositEntryEntity,
  BidEntity,
];
