import { Module } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { AuctionRealtimeGateway } from './auction-realtime.gateway';

@Module({ providers: [AuctionRealtimeGateway, Clock] })
export class RealtimeModule {}
