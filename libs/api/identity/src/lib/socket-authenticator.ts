import { Injectable } from '@nestjs/common';
import type { Actor, HandshakeCredentials, SocketAuthenticator } from '@kepai/api-core';
import { SessionService } from './session.service';

/** Sockets authenticate with the same server-side sessions as HTTP requests. */
@Injectable()
export class SessionSocketAuthenticator implements SocketAuthenticator {
  constructor(private readonly sessions: SessionService) {}

  async authenticate(credentials: HandshakeCredentials): Promise<Actor | null> {
    if (credentials.token !== null) {
      const resolved = await this.sessions.resolve(credentials.token);
      return resolved === null ? null : { ...resolved.actor, via: 'bearer' };
    }
    if (credentials.cookieToken !== null) {
      const resolved = await this.sessions.resolve(credentials.cookieToken);
      return resolved === null ? null : { ...resolved.actor, via: 'cookie' };
    }
    return null;
  }
}
