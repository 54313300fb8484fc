import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { BidPersister } from './bid-persister';
import { BID_STORE, InProcessBidStore } from './bid-store';
import { LotsController } from './bidding.controller';
import { BiddingGateway } from './bidding.gateway';
import { BiddingEvents, BiddingService } from './bidding.service';

@Module({
  controllers: [LotsController],
  providers: [
    Clock,
    BiddingEvents,
    BidPersister,
    BiddingService,
    BiddingGateway,
    {
      provide: BID_STORE,
      inject: [Clock],
      useFactory: (clock: Clock) => new InProcessBidStore(() => clock.now().getTime()),
    },
  ],
  exports: [BiddingService, BiddingEvents],
})
export class BiddingModule {}
