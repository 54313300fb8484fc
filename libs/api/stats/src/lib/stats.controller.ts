import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@kepai/api-core';
import type { StatsOverview } from '@kepai/contracts';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @Public()
  @ApiOperation({
    summary:
      'Platform figures (anyone): turnover by month, field, region and organisation type; listed vs sold; top institutes and brokers; open demands',
  })
  overview(): Promise<StatsOverview> {
    return this.stats.overview();
  }
}
