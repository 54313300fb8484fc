import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { AUCTION_NAMESPACE, type Ack, type TimeSyncEvent } from '@kepai/contracts';
import { parse as parseCookies } from 'cookie';
import type { Namespace, Socket } from 'socket.io';
import type { Actor } from '../auth/actor';
import { SessionRevocations } from '../auth/session-revocations';
import { SOCKET_AUTHENTICATOR, type SocketAuthenticator } from '../auth/socket-auth';
import { Clock } from '../clock/clock';
import { KEPAI_CONFIG } from '../config/config.module';
import type { KepaiConfig } from '../config/kepai-config';
import { checkMessage } from '../errors/ws-validation';

const SESSION_COOKIE = 'kepai_session';

/** `time:sync` takes no fields. */
export class TimeSyncRequest {}

/** An Error whose `data` reaches the client's `connect_error` handler. */
function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

/** The browser's Origin must be this site or one of KEPAI_ALLOWED_ORIGINS; non-browsers send none. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** Every socket of one session, so that ending the session closes them. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/**
 * The `/auction` namespace. The handshake is authenticated here, in socket.io middleware (Nest
 * guards do not run on connection), from `auth.token` or the session cookie, after the Origin is
 * checked; the socket then joins `user:<id>`. For now it carries the clock: `time:sync` on
 * connect and on request, so that clients measure their offset from the server's clock.
 */
@WebSocketGateway({ namespace: AUCTION_NAMESPACE })
export class AuctionRealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('AuctionRealtime');

  /** The namespace on this node; with Redis its rooms span every node. */
  @WebSocketServer()
  readonly namespace: Namespace;

  constructor(
    private readonly clock: Clock,
    @Inject(SOCKET_AUTHENTICATOR) private readonly authenticator: SocketAuthenticator,
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  afterInit(namespace: Namespace): void {
    // a session that ends takes its sockets with it, on every node (through the adapter)
    this.revocations.onRevoked((sessionIds) => {
      for (const sessionId of sessionIds)
        namespace.in(sessionRoom(sessionId)).disconnectSockets(true);
    });
    namespace.use((socket, next) => {
      void this.authenticate(socket).then(
        (actor) => {
          socket.data.actor = actor;
          next();
        },
        (error: Error) => next(error),
      );
    });
  }

  private async authenticate(socket: Socket): Promise<Actor> {
    const { headers, auth } = socket.handshake;
    if (!originAllowed(headers.origin, headers.host, this.config.allowedOrigins)) {
      throw refusal('FORBIDDEN', `Origin ${headers.origin} is not allowed`);
    }
    const token = typeof auth?.['token'] === 'string' ? auth['token'] : null;
    const cookieToken = headers.cookie
      ? (parseCookies(headers.cookie)[SESSION_COOKIE] ?? null)
      : null;
    if (token === null && cookieToken === null) throw refusal('UNAUTHENTICATED', 'Sign in first');
    const actor = await this.authenticator.authenticate({ token, cookieToken });
    if (actor === null)
      throw refusal('UNAUTHENTICATED', 'The session is invalid, expired or revoked; sign in again');
    return actor;
  }

  async handleConnection(@ConnectedSocket() socket: Socket): Promise<void> {
    const actor = socket.data.actor as Actor;
    await socket.join([userRoom(actor.userId), sessionRoom(actor.sessionId)]);
    this.logger.debug(
      `socket ${socket.id} of user ${actor.userId} connected (recovered: ${socket.recovered})`,
    );
    socket.emit('time:sync', this.timeSync());
  }

  @SubscribeMessage('time:sync')
  async onTimeSync(@MessageBody() payload: unknown): Promise<Ack<TimeSyncEvent>> {
    const checked = await checkMessage(TimeSyncRequest, payload ?? {});
    if (!checked.ok) return checked;
    return { ok: true, ...this.timeSync() };
  }

  private timeSync(): TimeSyncEvent {
    return { serverTime: this.clock.now().toISOString() };
  }
}
