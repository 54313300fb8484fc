import type { Actor } from './actor';

/** What a socket.io handshake offers to prove who it is. */
export interface HandshakeCredentials {
  /** `auth.token` of the handshake (Bearer-style clients). */
  token: string | null;
  /** The `kepai_session` cookie (browsers). */
  cookieToken: string | null;
}

/** Resolves a handshake to a user; provided by the identity module. */
export interface SocketAuthenticator {
  authenticate(credentials: HandshakeCredentials): Promise<Actor | null>;
}

export const SOCKET_AUTHENTICATOR = Symbol('SOCKET_AUTHENTICATOR');
