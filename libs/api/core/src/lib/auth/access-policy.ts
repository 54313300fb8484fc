import type { OrganisationType, UserRole } from '@kepai/contracts';
import { AppException } from '../errors/app.exception';
import { isPlatformAdmin, type Actor } from './actor';

/**
 * Function-level access to a route. Object-level checks (is this lot, result, organisation the
 * caller's?) are the services' job, with the same Actor.
 */
export interface AccessPolicy {
  /** Platform admins only. */
  admin?: boolean;
  /** Organisation types allowed; absent means any signed-in user. */
  types?: OrganisationType[];
  /** Roles within the organisation allowed; absent means any. */
  roles?: Array<Exclude<UserRole, 'admin'>>;
  /** The organisation must be verified (实名认证): listing, hosting and bidding need it. */
  verified?: boolean;
}

/** Throws the refusal a caller gets for a route with this policy, or returns when allowed. */
export function checkAccess(actor: Actor | null, policy: AccessPolicy): asserts actor is Actor {
  if (actor === null) throw new AppException('UNAUTHENTICATED', 'Sign in first');
  if (policy.admin === true) {
    if (!isPlatformAdmin(actor))
      throw new AppException('FORBIDDEN', 'Only platform admins may do this');
    return;
  }
  if (policy.types !== undefined && !(policy.types as string[]).includes(actor.organisationType)) {
    throw new AppException(
      'FORBIDDEN',
      `Only ${policy.types.join(' or ')} organisations may do this`,
    );
  }
  if (policy.roles !== undefined && !(policy.roles as string[]).includes(actor.role)) {
    throw new AppException(
      'FORBIDDEN',
      `Only an organisation's ${policy.roles.join(' or ')} may do this`,
    );
  }
  if (policy.verified === true && !actor.organisationVerified) {
    throw new AppException(
      'ORGANISATION_UNVERIFIED',
      'Your organisation is not verified yet (实名认证); a platform admin must verify it first',
    );
  }
}
