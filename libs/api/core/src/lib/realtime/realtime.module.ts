import { Global, Module } from '@nestjs/common';
import { SessionRevocations } from '../auth/session-revocations';
import { Clock } from '../clock/clock';
import { AuctionRealtimeGateway } from './auction-realtime.gateway';

/** Global so that the identity module can announce ended sessions to the gateway. */
@Global()
@Module({
  providers: [AuctionRealtimeGateway, Clock, SessionRevocations],
  exports: [SessionRevocations],
})
export class RealtimeModule {}
