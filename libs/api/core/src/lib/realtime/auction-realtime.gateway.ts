import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { AUCTION_NAMESPACE, type TimeSyncEvent } from '@kepai/contracts';
import type { Namespace, Socket } from 'socket.io';
import { Clock } from '../clock/clock';

/**
 * The `/auction` namespace. For now it carries the clock: `time:sync` on connect and on request,
 * so that clients can measure their offset from the server's clock (DESIGN §3).
 */
@WebSocketGateway({ namespace: AUCTION_NAMESPACE })
export class AuctionRealtimeGateway implements OnGatewayConnection {
  private readonly logger = new Logger('AuctionRealtime');

  /** The namespace on this node; with Redis its rooms span every node. */
  @WebSocketServer()
  readonly namespace: Namespace;

  constructor(private readonly clock: Clock) {}

  handleConnection(@ConnectedSocket() socket: Socket): void {
    this.logger.debug(`socket ${socket.id} connected (recovered: ${socket.recovered})`);
    socket.emit('time:sync', this.timeSync());
  }

  @SubscribeMessage('time:sync')
  onTimeSync(): { ok: true } & TimeSyncEvent {
    return { ok: true, ...this.timeSync() };
  }

  private timeSync(): TimeSyncEvent {
    return { serverTime: this.clock.now().toISOString() };
  }
}
