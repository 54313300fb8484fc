import type { DealStatus, DealView, UserView } from '@kepai/contracts';

/** Who the signed-in user is to a deal, as the api decides it (`DealsService` `sideOf`). */
export type DealSide = 'buyer' | 'seller' | 'broker' | 'admin';

/** The changes a deal page offers, each a `POST /deals/:id/<route>`. */
export const DEAL_ACTIONS = [
  'accept',
  'decline',
  'start-use',
  'evidence',
  'outcome',
  'decision',
  'payment',
  'note',
] as const;
export type DealAction = (typeof DEAL_ACTIONS)[number];

/** Statuses in which a payment may be recorded (the api's `PAYABLE`). */
export const PAYABLE_STATUSES: readonly DealStatus[] = ['awaiting_payment', 'fee_due', 'overdue'];

/** A deal still `requested`, or `declined`, is no sale: it has no confirmation of sale. */
const NO_CONFIRMATION: readonly DealStatus[] = ['requested', 'declined'];

/** Statuses after which nothing more happens to a deal. */
export const CLOSED_STATUSES: readonly DealStatus[] = [
  'declined',
  'completed',
  'closed_not_achieved',
  'defaulted',
];

export function isPlatformAdmin(user: Pick<UserView, 'role' | 'organisation'>): boolean {
  return user.role === 'admin' && user.organisation.type === 'platform';
}

/** The user's side of the deal: a party first, then its broker, then a platform admin; or none. */
export function dealSide(
  user: Pick<UserView, 'role' | 'organisation'>,
  deal: Pick<DealView, 'buyerOrganisationId' | 'sellerOrganisationId' | 'broker'>,
): DealSide | null {
  const organisationId = user.organisation.id;
  if (organisationId === deal.buyerOrganisationId) return 'buyer';
  if (organisationId === deal.sellerOrganisationId) return 'seller';
  if (deal.broker !== undefined && organisationId === deal.broker.id) return 'broker';
  if (isPlatformAdmin(user)) return 'admin';
  return null;
}

/** What the buyer still owes now, in fen (never below zero). */
export function outstanding(deal: Pick<DealView, 'amountDue' | 'paidAmount'>): number {
  return Math.max(0, deal.amountDue - deal.paidAmount);
}

type ActionDeal = Pick<
  DealView,
  'status' | 'mode' | 'broker' | 'amountDue' | 'paidAmount' | 'ufpl'
>;

/**
 * Whether `side` may take `action` on the deal as it stands, by the api's rules (docs/DECISIONS.md
 * "Deals after the hammer"): the institute accepts or declines a request and records payments
 * (admins too); the buyer starts the use and gives evidence; both parties state the outcome; the
 * deal's broker decides a dispute, or an admin when it has no broker; parties and broker add
 * notes. The page offers only these; the api still judges every request.
 */
export function mayTake(action: DealAction, side: DealSide | null, deal: ActionDeal): boolean {
  if (side === null) return false;
  const ufpl = deal.mode === 'use_first_pay_later' && deal.ufpl !== undefined;
  switch (action) {
    case 'accept':
    case 'decline':
      return side === 'seller' && deal.status === 'requested';
    case 'start-use':
      return side === 'buyer' && ufpl && deal.status === 'signed';
    case 'evidence':
      return (
        side === 'buyer' && ufpl && (deal.status === 'in_use' || deal.status === 'outcome_pending')
      );
    case 'outcome':
      return (side === 'buyer' || side === 'seller') && ufpl && deal.status === 'outcome_pending';
    case 'decision':
      return (
        deal.status === 'disputed' &&
        (deal.broker !== undefined ? side === 'broker' : side === 'admin')
      );
    case 'payment':
      return (
        (side === 'seller' || side === 'admin') &&
        PAYABLE_STATUSES.includes(deal.status) &&
        outstanding(deal) > 0
      );
    case 'note':
      return side === 'buyer' || side === 'seller' || side === 'broker';
  }
}

/** Every action the side may take now, in the order the page shows them. */
export function availableActions(side: DealSide | null, deal: ActionDeal): DealAction[] {
  return DEAL_ACTIONS.filter((action) => mayTake(action, side, deal));
}

/** Whether the deal has a confirmation of sale (成交确认书) to download. */
export function hasConfirmation(status: DealStatus): boolean {
  return !NO_CONFIRMATION.includes(status);
}

/** The confirmation of sale's address (the api streams it as an attachment). */
export function confirmationUrl(dealId: string): string {
  return `/api/v1/deals/${encodeURIComponent(dealId)}/confirmation.pdf`;
}

/** The other party, as the user sees the deal (both for a broker or an admin). */
export function counterparty(
  side: DealSide | null,
  deal: Pick<DealView, 'buyer' | 'seller'>,
): { role: 'buyer' | 'seller' | 'both'; name: string } {
  if (side === 'buyer') return { role: 'seller', name: deal.seller.name };
  if (side === 'seller') return { role: 'buyer', name: deal.buyer.name };
  return { role: 'both', name: `${deal.buyer.name} / ${deal.seller.name}` };
}
