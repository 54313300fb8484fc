import type {
  BidKind,
  DepositStatus,
  Field,
  LotStatus,
  Maturity,
  OrganisationKind,
  OrganisationType,
  ResultStatus,
  SessionFormat,
  TransactionMode,
  UserRole,
} from './enums';
import type { Fen } from './money';

/** A page of a list. `nextCursor` is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface OrganisationView {
  id: string;
  type: OrganisationKind;
  name: string;
  region: string;
  verified: boolean;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  organisation: OrganisationView;
}

/** An organisation as its own members and admins see it. */
export interface OrganisationDetail extends OrganisationView {
  creditCode: string | null;
  createdAt: string;
}

export interface MemberView {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  createdAt: string;
}

export interface InvitationBody {
  email: string;
  role: Exclude<UserRole, 'admin'>;
}

export interface InvitationView {
  id: string;
  organisationId: string;
  email: string;
  role: Exclude<UserRole, 'admin'>;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** Answer to creating an invitation: the token is shown once and never stored in clear. */
export interface InvitationCreated extends InvitationView {
  token: string;
  acceptPath: string;
}

export interface AcceptInvitationBody {
  token: string;
  displayName: string;
  password: string;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

export interface AuditEventView {
  id: string;
  at: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

export interface RegisterBody {
  email: string;
  password: string;
  displayName: string;
  organisation: { name: string; type: OrganisationType; creditCode: string; region: string };
}

export interface LoginBody {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: UserView;
  token: string;
}

export interface UfplTerms {
  termMonths: number;
  criteria: string[];
  fee: Fen;
  paymentWindowDays: number;
}

export interface ResultBody {
  title: string;
  summary: string;
  description: string;
  field: Field;
  keywords: string[];
  patentNumbers: string[];
  ipcClass?: string;
  maturity: Maturity;
  transactionModes: TransactionMode[];
  /** Absent means "negotiable" (面议). */
  askingPrice?: Fen;
  region: string;
  ufplTerms?: UfplTerms;
  /** Legal status of the patents (法律状态). */
  patentStatus?: PatentStatus;
  /** The research team, first the leader. */
  team?: string[];
}

export const PATENT_STATUSES = ['granted', 'pending', 'expired'] as const;
export type PatentStatus = (typeof PATENT_STATUSES)[number];

export interface ResultView extends ResultBody {
  id: string;
  status: ResultStatus;
  institute: { id: string; name: string };
  viewCount: number;
  favouriteCount: number;
  /** Set when an admin sent the result back. */
  rejectReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whether the caller has favourited it (false for anonymous callers). */
  favourited: boolean;
  attachments: AttachmentView[];
}

/** A PDF or image attached to a result; download at /results/:id/attachments/:attachmentId. */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

/** `closing_soon`: only results in a lot open now, the soonest close first. */
export const SEARCH_SORTS = [
  'relevance',
  'newest',
  'price_asc',
  'price_desc',
  'closing_soon',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const PRICE_BANDS = [
  'under_100k',
  '100k_500k',
  '500k_1m',
  '1m_5m',
  'over_5m',
  'negotiable',
] as const;
export type PriceBand = (typeof PRICE_BANDS)[number];

/** One card of the catalogue; `*Highlighted` mark matched terms with « and ». */
export interface SearchResultItem {
  id: string;
  title: string;
  titleHighlighted: string;
  summaryHighlighted: string;
  institute: { id: string; name: string };
  field: Field;
  maturity: Maturity;
  transactionModes: TransactionMode[];
  askingPrice: Fen | null;
  region: string;
  publishedAt: string;
  viewCount: number;
  favouriteCount: number;
  /** With `sort=closing_soon`: the open lot the result is offered in. */
  lot?: { id: string; closesAt: string };
}

export interface FacetCount<T extends string = string> {
  value: T;
  count: number;
  /** Display name where the value is an id (institutes). */
  label?: string;
}

/** Counts per value, each reflecting every active filter but its own. */
export interface SearchFacets {
  field: Array<FacetCount<Field>>;
  mode: Array<FacetCount<TransactionMode>>;
  maturity: Array<FacetCount<Maturity>>;
  region: FacetCount[];
  priceBand: Array<FacetCount<PriceBand>>;
  institute: FacetCount[];
}

export interface SearchResponse {
  items: SearchResultItem[];
  facets: SearchFacets;
  total: number;
  nextCursor?: string;
}

export interface SuggestResponse {
  items: Array<{ id: string; title: string; titleHighlighted: string }>;
}

export interface DemandBody {
  title: string;
  description: string;
  field: Field;
  budget?: Fen;
  /** YYYY-MM-DD */
  deadline?: string;
}

export interface DemandView extends DemandBody {
  id: string;
  enterprise: { id: string; name: string };
  status: 'open' | 'closed';
  createdAt: string;
}

export interface DemandMatch {
  result: SearchResultItem;
  score: number;
  /** The broker's link, when a broker linked this result to the demand. */
  linkedBy?: { brokerId: string; brokerName: string; note: string | null; at: string };
}

/** `[fromPrice, step]` rows, ascending by `fromPrice`. */
export type IncrementLadder = Array<[Fen, Fen]>;

export interface SessionBody {
  title: string;
  format: SessionFormat;
  depositAmount: Fen;
  softCloseSeconds: number;
  increments: IncrementLadder;
  startsAt?: string;
}

export interface SessionView {
  id: string;
  host: { id: string; name: string };
  title: string;
  format: SessionFormat;
  depositAmount: Fen;
  softCloseSeconds: number;
  liveCountdownSeconds: number;
  increments: IncrementLadder;
  startsAt: string | null;
  createdAt: string;
  lots: LotSummary[];
}

/** A lot as listed in its session: what is offered and how it stands. */
export interface LotSummary extends LotSnapshot {
  mode: TransactionMode;
  startingPrice: Fen;
  result: { id: string; title: string; institute: { id: string; name: string } };
}

export interface LotBody {
  resultId: string;
  mode: TransactionMode;
  startingPrice: Fen;
  reservePrice?: Fen;
  opensAt: string;
  closesAt: string;
}

export interface LotSnapshot {
  id: string;
  sessionId: string;
  resultId: string;
  status: LotStatus;
  price: Fen | null;
  leaderPaddle: number | null;
  bidCount: number;
  lastSeq: number;
  minNext: Fen;
  reserveMet: boolean;
  /** Live format: the broker paused the lot (it stays `open`). */
  paused: boolean;
  opensAt: string;
  closesAt: string;
  serverTime: string;
}

export interface BidHistoryItem {
  seq: number;
  paddle: number;
  amount: Fen;
  kind: BidKind;
  at: string;
  prevHash: string;
  hash: string;
}

export interface RegistrationView {
  id: string;
  sessionId: string;
  organisationId: string;
  depositStatus: DepositStatus;
  paddle: number | null;
}

export interface DealView {
  id: string;
  lotId?: string;
  resultId: string;
  buyerOrganisationId: string;
  sellerOrganisationId: string;
  mode: TransactionMode;
  price: Fen;
  status: string;
  ufpl?: UfplTerms & { dueAt?: string; outcome?: 'achieved' | 'not_achieved' };
}
