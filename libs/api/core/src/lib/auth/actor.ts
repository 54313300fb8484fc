import type { OrganisationKind, UserRole } from '@kepai/contracts';

/** Who is calling: a signed-in user of one organisation. Passed explicitly to every service. */
export interface Actor {
  userId: string;
  organisationId: string;
  organisationType: OrganisationKind;
  organisationVerified: boolean;
  role: UserRole;
  sessionId: string;
  /** How the request authenticated; cookie requests must carry the CSRF header to change state. */
  via: 'bearer' | 'cookie';
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export function isPlatformAdmin(actor: Actor | null | undefined): boolean {
  return actor?.role === 'admin' && actor.organisationType === 'platform';
}
