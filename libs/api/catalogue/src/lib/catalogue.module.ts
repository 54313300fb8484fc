import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { AuditModule } from '@kepai/api-audit';
import { NotificationsModule } from '@kepai/api-notifications';
import {
  AdminResultsController,
  DemandsController,
  MyFavouritesController,
  ResultsController,
  SearchController,
} from './catalogue.controllers';
import { AttachmentsService } from './attachments.service';
import { DemandsService } from './demands.service';
import { ResultsService } from './results.service';
import { SearchService } from './search/search.service';

@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [
    ResultsController,
    AdminResultsController,
    SearchController,
    DemandsController,
    MyFavouritesController,
  ],
  providers: [Clock, ResultsService, SearchService, DemandsService, AttachmentsService],
  exports: [ResultsService, SearchService, DemandsService],
})
export class CatalogueModule {}
