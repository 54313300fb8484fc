import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { AuditModule } from '@kepai/api-audit';
import {
  AdminResultsController,
  DemandsController,
  ResultsController,
  SearchController,
} from './catalogue.controllers';
import { AttachmentsService } from './attachments.service';
import { DemandsService } from './demands.service';
import { ResultsService } from './results.service';
import { SearchService } from './search/search.service';

@Module({
  imports: [AuditModule],
  controllers: [ResultsController, AdminResultsController, SearchController, DemandsController],
  providers: [Clock, ResultsService, SearchService, DemandsService, AttachmentsService],
  exports: [ResultsService, SearchService],
})
export class CatalogueModule {}
