import { AppException } from '../errors/app.exception';
import type { Actor } from './actor';
import { checkAccess, type AccessPolicy } from './access-policy';

function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    userId: 'u',
    organisationId: 'o',
    organisationType: 'enterprise',
    organisationVerified: true,
    role: 'owner',
    sessionId: 's',
    via: 'bearer',
    ...overrides,
  };
}

function refusal(who: Actor | null, policy: AccessPolicy): string | null {
  try {
    checkAccess(who, policy);
    return null;
  } catch (error) {
    if (error instanceof AppException) return error.code;
    throw error;
  }
}

describe('checkAccess', () => {
  it('asks anonymous callers to sign in', () => {
    expect(refusal(null, {})).toBe('UNAUTHENTICATED');
  });

  it('lets any signed-in user through an empty policy', () => {
    expect(refusal(actor(), {})).toBeNull();
  });

  it('lets only platform admins through an admin policy', () => {
    expect(
      refusal(actor({ role: 'admin', organisationType: 'platform' }), { admin: true }),
    ).toBeNull();
    expect(refusal(actor({ role: 'owner' }), { admin: true })).toBe('FORBIDDEN');
    // an "admin" role outside the platform organisation is not a platform admin
    expect(refusal(actor({ role: 'admin', organisationType: 'enterprise' }), { admin: true })).toBe(
      'FORBIDDEN',
    );
  });

  it('checks the organisation type and the role in it', () => {
    expect(refusal(actor({ organisationType: 'institute' }), { types: ['institute'] })).toBeNull();
    expect(refusal(actor({ organisationType: 'enterprise' }), { types: ['institute'] })).toBe(
      'FORBIDDEN',
    );
    expect(refusal(actor({ role: 'member' }), { roles: ['owner'] })).toBe('FORBIDDEN');
  });

  it('keeps unverified organisations from listing, hosting and bidding', () => {
    const policy: AccessPolicy = { types: ['enterprise'], verified: true };
    expect(refusal(actor({ organisationVerified: false }), policy)).toBe('ORGANISATION_UNVERIFIED');
    expect(refusal(actor({ organisationVerified: true }), policy)).toBeNull();
  });
});
