import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { AuditModule } from '@kepai/api-audit';
import { NotificationsModule } from '@kepai/api-notifications';
import { DealScheduler } from './deal-scheduler.service';
import { DealWorkflow } from './deal-workflow';
import { DealsController } from './deals.controller';
import { DealsService } from './deals.service';

@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [DealsController],
  providers: [Clock, DealsService, DealWorkflow, DealScheduler],
  exports: [DealsService, DealWorkflow],
})
export class DealsModule {}
