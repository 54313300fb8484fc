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

/** Where a deal (成交) stands; see docs/DECISIONS.md "Deals" for the transitions. */
export const DEAL_STATUSES = [
  'requested',
  'declined',
  'awaiting_payment',
  'signed',
  'in_use',
  'outcome_pending',
  'disputed',
  'fee_due',
  'overdue',
  'completed',
  'closed_not_achieved',
  'defaulted',
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** How a deal was made: the close of a sold lot, or an enterprise's direct request. */
export type DealOrigin = 'auction' | 'direct';

export const UFPL_OUTCOMES = ['achieved', 'not_achieved'] as const;
export type UfplOutcome = (typeof UFPL_OUTCOMES)[number];

/** Who settled a use-first-pay-later outcome: both parties alike, or a decision on a dispute. */
export type UfplDecidedBy = 'parties' | 'broker' | 'admin';

/** `POST /deals`: an enterprise asks for a result at its listed terms, or proposes its own. */
export interface DealRequestBody {
  resultId: string;
  mode: TransactionMode;
  /** A brokerage asked to mediate; it then sees the deal and may add notes. */
  brokerId?: string;
  proposal?: { price?: Fen; ufplTerms?: UfplTerms };
}

/** One line of a deal's status history (and its notes, evidence and payments). */
export interface DealEventView {
  id: string;
  at: string;
  /** e.g. `requested`, `accepted`, `note`, `evidence`, `outcome_stated`, `payment`, `overdue`. */
  action: string;
  fromStatus: DealStatus | null;
  toStatus: DealStatus | null;
  /** Null when Kepai did it (the close of a lot, a sweep). */
  actor: { userId: string | null; organisationId: string | null; name: string | null };
  /** A note, a reason for a decline or a decision, an evidence text. */
  note: string | null;
  payload: Record<string, string | number | boolean | null> | null;
}

export interface UfplEvidenceView {
  criterionIndex: number;
  text: string;
  at: string;
  userId: string;
}

/** What one party stated about the outcome; `agree: false` marked a dispute. */
export interface UfplStatementView {
  outcome: UfplOutcome;
  agree: boolean;
  at: string;
}

/** A use-first-pay-later deal's terms and where its term and outcome stand. */
export interface DealUfplView extends UfplTerms {
  useStartedAt?: string;
  termEndsAt?: string;
  /** One entry per criterion, in the terms' order, with the evidence given against it. */
  evidence: Array<{ criterion: string; entries: UfplEvidenceView[] }>;
  confirmations: { buyer?: UfplStatementView; seller?: UfplStatementView };
  outcome?: UfplOutcome;
  decidedBy?: UfplDecidedBy;
  /** The broker's (or admin's) reasons when a dispute was decided. */
  decisionReason?: string;
  /** When the fee is due (term end + payment window), once achieved. */
  dueAt?: string;
}

export interface DealView {
  id: string;
  origin: DealOrigin;
  lotId?: string;
  resultId: string;
  buyerOrganisationId: string;
  sellerOrganisationId: string;
  mode: TransactionMode;
  /** The price agreed; for use-first-pay-later, the fee payable if the outcome is achieved. */
  price: Fen;
  status: DealStatus;
  /** The direct request proposed terms other than the listing's. */
  proposed: boolean;
  /** The winner's deposit counted toward the price (auction deals). */
  depositApplied: Fen;
  /** What the buyer owes under the deal as it stands: price − deposit, or the fee once achieved. */
  amountDue: Fen;
  paidAmount: Fen;
  /** When the amount due must be paid by. */
  dueAt?: string;
  signedAt?: string;
  ufpl?: DealUfplView;
  /** Names for display: the result, both parties and the mediating brokerage. */
  result: { id: string; title: string };
  buyer: { id: string; name: string };
  seller: { id: string; name: string };
  broker?: { id: string; name: string };
  createdAt: string;
  /** `GET /deals/:id` only: the status history, oldest first. */
  history?: DealEventView[];
}

/** `GET /lots`: a lot with the session it is offered in. */
export interface LotListItem extends LotSummary {
  session: { id: string; title: string; format: SessionFormat; host: { id: string; name: string } };
}

/** `GET /me/registrations`: the caller's organisation's registrations, with their sessions. */
export interface MyRegistrationView extends RegistrationView {
  createdAt: string;
  session: {
    id: string;
    title: string;
    format: SessionFormat;
    startsAt: string | null;
    depositAmount: Fen;
    host: { id: string; name: string };
  };
}

/**
 * `GET /me/bids`: the caller's organisation's accepted bids (its own and its proxy's), newest
 * first, each with the lot as it stands now.
 */
export interface MyBidView {
  lotId: string;
  seq: number;
  paddle: number;
  amount: Fen;
  kind: BidKind;
  at: string;
  result: { id: string; title: string };
  session: { id: string; title: string };
  lot: {
    status: LotStatus;
    price: Fen | null;
    leaderPaddle: number | null;
    closesAt: string;
  };
  /** The caller's paddle leads the lot now (open) or won it (sold). */
  leading: boolean;
}

/** What a notification is about; its `payload` carries the ids and figures to show. */
export const NOTIFICATION_KINDS = [
  'outbid',
  'lot_won',
  'lot_lost',
  'registration_approved',
  'deposit_confirmed',
  'deposit_refunded',
  'deposit_forfeited',
  'favourite_lot_opening',
  'demand_matched',
  'deal_requested',
  'deal_accepted',
  'deal_declined',
  'ufpl_term_ending',
  'ufpl_evidence_submitted',
  'ufpl_outcome',
  'ufpl_disputed',
  'payment_due_soon',
  'payment_due',
  'payment_overdue',
  'payment_received',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Ids and figures (fen) for the text and the link: lotId, dealId, resultId, price, … */
  payload: Record<string, string | number | boolean | null>;
  readAt: string | null;
  createdAt: string;
}

/** `GET /notifications/unread-count`, and the realtime `notification:new` carries it too. */
export interface UnreadCount {
  unread: number;
}

/** Turnover (fen) and the number of deals that make it. */
export interface StatsFigure {
  turnover: Fen;
  deals: number;
}

/** Results listed (published, in auction or sold) and sold; `rate` = sold / listed, 4 decimals. */
export interface StatsConversion {
  listed: number;
  sold: number;
  rate: number;
}

/**
 * `GET /stats/overview` (public). Turnover is the sum of the prices of the deals whose status is
 * not `requested`, `declined`, `closed_not_achieved` or `defaulted`; figures come from the tables
 * at the moment of the request.
 */
export interface StatsOverview {
  /** The server's clock when the figures were read. */
  generatedAt: string;
  totals: StatsFigure;
  /** The last 12 months by the deal's creation in Beijing time, oldest first; `month` is `YYYY-MM`. */
  byMonth: Array<StatsFigure & { month: string }>;
  /** Every field, in the order of FIELDS, by the result's field. */
  byField: Array<StatsFigure & { field: Field }>;
  /** By the result's region, largest turnover first (at most 30). */
  byRegion: Array<StatsFigure & { region: string }>;
  /** By the seller's and by the buyer's organisation type, each in the order of ORGANISATION_TYPES. */
  byOrganisationType: {
    seller: Array<StatsFigure & { type: OrganisationType }>;
    buyer: Array<StatsFigure & { type: OrganisationType }>;
  };
  conversion: StatsConversion & { byField: Array<StatsConversion & { field: Field }> };
  /** Sellers by turnover, then deals (at most 10). */
  topInstitutes: Array<StatsFigure & { id: string; name: string }>;
  /** Brokerages by the turnover of the deals in the sessions they hosted, then sessions (at most 10). */
  topBrokers: Array<StatsFigure & { id: string; name: string; sessions: number }>;
  /** Open demands: status open and the deadline, if any, not passed (Beijing date). */
  openDemands: { count: number; byField: Array<{ field: Field; count: number }> };
}
