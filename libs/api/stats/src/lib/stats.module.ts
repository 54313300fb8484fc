import { Module } from '@nestjs/common';
import { Clock } from '@kepai/api-core';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  controllers: [StatsController],
  providers: [Clock, StatsService],
})
export class StatsModule {}
