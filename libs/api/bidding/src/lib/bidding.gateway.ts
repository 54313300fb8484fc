import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { AppException, checkMessage, type Actor } from '@kepai/api-core';
import {
  AUCTION_NAMESPACE,
  type Ack,
  type BidHistoryItem,
  type ErrorCode,
  type LotSnapshot,
  type LotWatchersEvent,
} from '@kepai/contracts';
import type { Namespace, Socket } from 'socket.io';
import { LotControlMessage, LotJoinMessage, LotLeaveMessage, PlaceBidMessage } from './bidding.dto';
import { LotControlService } from './lot-control.service';
import { LotWatchers } from './lot-watchers.service';
import { BiddingEvents, BiddingService, type PlacedBid } from './bidding.service';

export const lotRoom = (lotId: string): string => `lot:${lotId}`;
/** The sockets of the organisation bidding with this paddle on this lot (for `bid:outbid`). */
export const paddleRoom = (lotId: string, paddle: number): string =>
  `lot:${lotId}:paddle:${paddle}`;

/** The lots whose rooms (`lot:<id>`, not the paddle rooms) the socket is in. */
function watchedLots(socket: Socket): string[] {
  const lots: string[] = [];
  for (const room of socket.rooms) {
    const match = /^lot:([^:]+)$/.exec(room);
    if (match !== null) lots.push(match[1]);
  }
  return lots;
}

/** A refusal as a socket acknowledgement; unexpected errors say only that. */
function refused(error: unknown): {
  ok: false;
  code: ErrorCode;
  message: string;
  minNext?: number;
} {
  if (error instanceof AppException) {
    const minNext = error.details?.['minNext'];
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(typeof minNext === 'number' ? { minNext } : {}),
    };
  }
  return { ok: false, code: 'INTERNAL', message: 'Something went wrong; try again' };
}

/**
 * The live rooms of `/auction` (DESIGN §6): join with `lastSeq` to catch up, place bids, and the
 * room's broadcasts. The handshake was authenticated by the core gateway's middleware. Joining
 * and leaving (a message, a disconnect) make the room's watcher count due (LotWatchers says when).
 */
@WebSocketGateway({ namespace: AUCTION_NAMESPACE })
export class BiddingGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('BiddingGateway');

  @WebSocketServer()
  readonly namespace: Namespace;

  constructor(
    private readonly bidding: BiddingService,
    private readonly events: BiddingEvents,
    private readonly controls: LotControlService,
    private readonly watchers: LotWatchers,
  ) {}

  afterInit(namespace: Namespace): void {
    this.events.on('lot:bid', (event) => namespace.to(lotRoom(event.lotId)).emit('lot:bid', event));
    this.events.on('lot:state', (snapshot) =>
      namespace.to(lotRoom(snapshot.id)).emit('lot:state', snapshot),
    );
    this.events.on('lot:closed', (event) =>
      namespace.to(lotRoom(event.lotId)).emit('lot:closed', event),
    );
    this.events.on('bid:outbid', ({ lotId, paddle, event }) =>
      namespace.to(paddleRoom(lotId, paddle)).emit('bid:outbid', event),
    );
    this.events.on('lot:going', (event) =>
      namespace.to(lotRoom(event.lotId)).emit('lot:going', event),
    );
    // counted on every node through the adapter, when the count is due
    this.watchers.onDue(async (lotId) => {
      const sockets = await namespace.in(lotRoom(lotId)).fetchSockets();
      const event: LotWatchersEvent = { lotId, count: sockets.length };
      namespace.to(lotRoom(lotId)).emit('lot:watchers', event);
    });
  }

  handleConnection(@ConnectedSocket() socket: Socket): void {
    // the rooms are still there while disconnecting; the count is taken after they are left
    socket.on('disconnecting', () => {
      for (const lotId of watchedLots(socket)) this.watchers.changed(lotId);
    });
    // a recovered connection is back in its rooms without joining them again
    if (socket.recovered) for (const lotId of watchedLots(socket)) this.watchers.changed(lotId);
  }

  @SubscribeMessage('lot:join')
  async onJoin(
    @ConnectedSocket() socket: Socket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ snapshot: LotSnapshot; bids: BidHistoryItem[] }>> {
    const checked = await checkMessage(LotJoinMessage, payload);
    if (!checked.ok) return checked;
    try {
      const { lotId, lastSeq } = checked.value;
      const actor = socket.data.actor as Actor;
      const paddle = await this.bidding.paddleOf(actor, lotId);
      // join first, then read: a bid between the two is in both, never in neither
      await socket.join(
        paddle === null ? [lotRoom(lotId)] : [lotRoom(lotId), paddleRoom(lotId, paddle)],
      );
      // the joiner is in the room by now, so the count it is sent includes it
      this.watchers.changed(lotId);
      const snapshot = await this.bidding.snapshot(lotId);
      const bids = lastSeq !== undefined ? await this.bidding.history(lotId, lastSeq) : [];
      return { ok: true, snapshot, bids };
    } catch (error) {
      return refused(error);
    }
  }

  @SubscribeMessage('lot:leave')
  async onLeave(
    @ConnectedSocket() socket: Socket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<object>> {
    const checked = await checkMessage(LotLeaveMessage, payload);
    if (!checked.ok) return checked;
    const { lotId } = checked.value;
    const watching = socket.rooms.has(lotRoom(lotId));
    for (const room of socket.rooms)
      if (room === lotRoom(lotId) || room.startsWith(`${lotRoom(lotId)}:`))
        await socket.leave(room);
    if (watching) this.watchers.changed(lotId);
    return { ok: true };
  }

  @SubscribeMessage('lot:control')
  async onControl(
    @ConnectedSocket() socket: Socket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ snapshot: LotSnapshot }>> {
    const checked = await checkMessage(LotControlMessage, payload);
    if (!checked.ok) return checked;
    try {
      const actor = socket.data.actor as Actor;
      const meta = { ip: socket.handshake.address ?? null, requestId: null };
      return { ok: true, snapshot: await this.controls.control(actor, meta, checked.value) };
    } catch (error) {
      if (!(error instanceof AppException))
        this.logger.error(`lot:control failed: ${String(error)}`);
      return refused(error);
    }
  }

  @SubscribeMessage('bid:place')
  async onBid(
    @ConnectedSocket() socket: Socket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<PlacedBid>> {
    const checked = await checkMessage(PlaceBidMessage, payload);
    if (!checked.ok) return checked;
    try {
      return { ok: true, ...(await this.bidding.place(socket.data.actor as Actor, checked.value)) };
    } catch (error) {
      if (!(error instanceof AppException)) this.logger.error(`bid:place failed: ${String(error)}`);
      return refused(error);
    }
  }
}
