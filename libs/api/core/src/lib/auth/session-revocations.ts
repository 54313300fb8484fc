import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';

/**
 * Sessions just ended (logout, password change). The identity service announces them after its
 * transaction commits; the socket gateway disconnects the sockets opened with them, on every node.
 */
@Injectable()
export class SessionRevocations {
  private readonly events = new EventEmitter();

  announce(sessionIds: string[]): void {
    if (sessionIds.length > 0) this.events.emit('revoked', sessionIds);
  }

  onRevoked(listener: (sessionIds: string[]) => void): () => void {
    this.events.on('revoked', listener);
    return () => this.events.off('revoked', listener);
  }
}
