import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { AuditModule } from '@kepai/api-audit';
import { BidPersister } from './bid-persister';
import { BID_STORE, InProcessBidStore } from './bid-store';
import { LotsController } from './bidding.controller';
import { BiddingGateway } from './bidding.gateway';
import { BiddingEvents, BiddingService } from './bidding.service';
import { LotCloser } from './lot-closer.service';

@Module({
  imports: [AuditModule],
  controllers: [LotsController],
  providers: [
    Clock,
    BiddingEvents,
    BidPersister,
    BiddingService,
    BiddingGateway,
    LotCloser,
    {
      provide: BID_STORE,
      inject: [Clock],
      useFactory: (clock: Clock) => new InProcessBidStore(() => clock.now().getTime()),
    },
  ],
  exports: [BiddingService, BiddingEvents, LotCloser],
})
export class BiddingModule {}
