import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { DealsModule } from '../deals.module';
import { ConfirmationService } from './confirmation.service';
import { DealConfirmationController } from './deal-confirmation.controller';

/** `GET /deals/:id/confirmation.pdf`, beside the deals' own routes and with their visibility. */
@Module({
  imports: [DealsModule],
  controllers: [DealConfirmationController],
  providers: [Clock, ConfirmationService],
})
export class DealConfirmationModule {}
