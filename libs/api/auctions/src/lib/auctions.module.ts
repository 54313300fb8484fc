import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { AuditModule } from '@kepai/api-audit';
import { RegistrationsController, SessionsController } from './auctions.controllers';
import { RegistrationsService } from './registrations.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [AuditModule],
  controllers: [SessionsController, RegistrationsController],
  providers: [Clock, SessionsService, RegistrationsService],
  exports: [SessionsService, RegistrationsService],
})
export class AuctionsModule {}
