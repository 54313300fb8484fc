import type {
  InvitationView,
  MemberView,
  OrganisationDetail,
  OrganisationView,
  UserView,
} from '@kepai/contracts';
import type { InvitationEntity } from './invitation.entity';
import type { OrganisationEntity } from './organisation.entity';
import type { UserEntity } from './user.entity';

/** What anyone signed in may see of an organisation. */
export function organisationView(organisation: OrganisationEntity): OrganisationView {
  return {
    id: organisation.id,
    type: organisation.type,
    name: organisation.name,
    region: organisation.region,
    verified: organisation.verified,
  };
}

/** What its own members and platform admins see. */
export function organisationDetail(organisation: OrganisationEntity): OrganisationDetail {
  return {
    ...organisationView(organisation),
    creditCode: organisation.creditCode,
    createdAt: organisation.createdAt.toISOString(),
  };
}

export function userView(user: UserEntity, organisation: OrganisationEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organisation: organisationView(organisation),
  };
}

export function memberView(user: UserEntity): MemberView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

export function invitationView(invitation: InvitationEntity): InvitationView {
  return {
    id: invitation.id,
    organisationId: invitation.organisationId,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    createdAt: invitation.createdAt.toISOString(),
  };
}
