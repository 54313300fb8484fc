import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, Public, type Actor } from '@kepai/api-core';
import type { BidHistoryItem, LotSnapshot } from '@kepai/contracts';
import { HistoryQueryDto, PlaceBidBodyDto } from './bidding.dto';
import { BiddingService, type PlacedBid } from './bidding.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('lots')
@ApiBearerAuth()
@Controller('lots')
export class LotsController {
  constructor(private readonly bidding: BiddingService) {}

  @Get(':id')
  @Public()
  @ApiOperation({ summary: "A lot's live snapshot, with the server's time (anyone)" })
  get(@Param('id', uuid) id: string): Promise<LotSnapshot> {
    return this.bidding.snapshot(id);
  }

  @Get(':id/bids')
  @Public()
  @ApiOperation({
    summary: 'The hash-chained bid history after afterSeq, by paddle number (anyone)',
  })
  history(
    @Param('id', uuid) id: string,
    @Query() query: HistoryQueryDto,
  ): Promise<BidHistoryItem[]> {
    return this.bidding.history(id, query.afterSeq ?? 0);
  }

  @Post(':id/bids')
  @HttpCode(HttpStatus.CREATED)
  @Allow({ types: ['enterprise'], verified: true })
  @ApiOperation({
    summary:
      'Place a bid, as bid:place does, for clients without a socket (registered enterprises)',
  })
  async place(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() body: PlaceBidBodyDto,
  ): Promise<PlacedBid & { ok: true }> {
    return { ok: true, ...(await this.bidding.place(actor, { lotId: id, ...body })) };
  }
}
