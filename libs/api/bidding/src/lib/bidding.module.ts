import { Module } from '@nestjs/common';
import { Clock, REDIS } from '@kepai/api-core';
import type { Redis } from 'ioredis';
import { AuditModule } from '@kepai/api-audit';
import { NotificationsModule } from '@kepai/api-notifications';
import { DealsModule } from '@kepai/api-deals';
import { BidPersister } from './bid-persister';
import { BidOutbox } from './bid-outbox.service';
import { BID_STORE, InProcessBidStore, type BidStore } from './bid-store';
import { RedisBidStore } from './redis-bid-store';
import { LotsController } from './bidding.controller';
import { BiddingGateway } from './bidding.gateway';
import { BiddingEvents, BiddingService } from './bidding.service';
import { LotCloser } from './lot-closer.service';
import { LotControlService } from './lot-control.service';
import { GoingCalls } from './going-calls.service';
import { LotWatchers } from './lot-watchers.service';
import { OutbidNotifier } from './outbid-notifier.service';

@Module({
  imports: [AuditModule, NotificationsModule, DealsModule],
  controllers: [LotsController],
  providers: [
    Clock,
    BiddingEvents,
    BidPersister,
    BiddingService,
    BiddingGateway,
    LotCloser,
    LotControlService,
    GoingCalls,
    LotWatchers,
    BidOutbox,
    OutbidNotifier,
    {
      // several nodes share Redis and judge bids there; one node alone judges them in memory
      provide: BID_STORE,
      inject: [Clock, REDIS],
      useFactory: (clock: Clock, redis: Redis | null): BidStore =>
        redis !== null
          ? new RedisBidStore(redis)
          : new InProcessBidStore(() => clock.now().getTime()),
    },
  ],
  exports: [BiddingService, BiddingEvents, LotCloser],
})
export class BiddingModule {}
