import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { userRoom } from '@kepai/api-core';
import { AUCTION_NAMESPACE } from '@kepai/contracts';
import type { Namespace } from 'socket.io';
import { NotificationEvents } from './notifications.service';

/**
 * The only place notifications reach sockets: `notification:new` to `user:<id>`, the room every
 * authenticated socket of the user joins on connect. Through the Redis adapter the room spans
 * every node, so the node that recorded the notification reaches the user wherever they are.
 */
@WebSocketGateway({ namespace: AUCTION_NAMESPACE })
export class NotificationsGateway implements OnGatewayInit {
  constructor(private readonly events: NotificationEvents) {}

  afterInit(namespace: Namespace): void {
    this.events.on('notification:new', ({ userId, event }) =>
      namespace.to(userRoom(userId)).emit('notification:new', event),
    );
  }
}
