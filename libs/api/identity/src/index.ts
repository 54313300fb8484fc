export * from './lib/organisation.entity';
export * from './lib/user.entity';
export * from './lib/session.entity';
export * from './lib/invitation.entity';
export * from './lib/login-throttle.entity';
export * from './lib/credit-code';
export * from './lib/password-hasher';
export * from './lib/password-policy';
export * from './lib/admin-bootstrap.service';
export * from './lib/demo-accounts';
export * from './lib/identity.module';
export * from './lib/login-throttle.service';
export { SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER } from './lib/tokens';

import { InvitationEntity } from './lib/invitation.entity';
import { LoginThrottleEntity } from './lib/login-throttle.entity';
import { OrganisationEntity } from './lib/organisation.entity';
import { SessionEntity } from './lib/session.entity';
import { UserEntity } from './lib/user.entity';

/** The identity domain's tables, for the app's data source. */
export const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserEntity,
  SessionEntity,
  InvitationEntity,
  LoginThrottleEntity,
];
