import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { AuditModule } from '@kepai/api-audit';
import { NotificationsModule } from '@kepai/api-notifications';
import {
  LotListController,
  MyAuctionsController,
  RegistrationsController,
  SessionsController,
} from './auctions.controllers';
import { FavouriteLotOpeningSweep } from './favourite-lot-opening.service';
import { MyBidsService } from './my-bids.service';
import { RegistrationsService } from './registrations.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [
    SessionsController,
    RegistrationsController,
    LotListController,
    MyAuctionsController,
  ],
  providers: [
    Clock,
    SessionsService,
    RegistrationsService,
    MyBidsService,
    FavouriteLotOpeningSweep,
  ],
  exports: [SessionsService, RegistrationsService],
})
export class AuctionsModule {}
