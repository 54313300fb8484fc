/** Organisation types that can register. Platform admins belong to the platform itself. */
export const ORGANISATION_TYPES = ['institute', 'enterprise', 'brokerage'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The platform's own organisation, which holds the admins. Never open to registration. */
export type OrganisationKind = OrganisationType | 'platform';

export const USER_ROLES = ['owner', 'member', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const FIELDS = [
  'it',
  'biomed',
  'materials',
  'manufacturing',
  'energy',
  'environment',
  'agriculture',
  'other',
] as const;
export type Field = (typeof FIELDS)[number];

export const MATURITIES = ['research', 'lab', 'pilot', 'production'] as const;
export type Maturity = (typeof MATURITIES)[number];

export const TRANSACTION_MODES = [
  'assignment',
  'exclusive_licence',
  'sole_licence',
  'ordinary_licence',
  'use_first_pay_later',
  'equity',
] as const;
export type TransactionMode = (typeof TRANSACTION_MODES)[number];

export const SESSION_FORMATS = ['timed', 'live'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

export const RESULT_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'in_auction',
  'sold',
  'withdrawn',
] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const LOT_STATUSES = ['scheduled', 'open', 'sold', 'unsold', 'withdrawn'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

export const DEPOSIT_STATUSES = ['pending', 'confirmed', 'refunded', 'forfeited'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

export const BID_KINDS = ['manual', 'proxy'] as const;
export type BidKind = (typeof BID_KINDS)[number];

export const LOT_CONTROL_ACTIONS = [
  'open',
  'pause',
  'resume',
  'going',
  'hammer',
  'withdraw',
] as const;
export type LotControlAction = (typeof LOT_CONTROL_ACTIONS)[number];

export const LOT_OUTCOMES = ['sold', 'unsold', 'withdrawn'] as const;
export type LotOutcome = (typeof LOT_OUTCOMES)[number];
