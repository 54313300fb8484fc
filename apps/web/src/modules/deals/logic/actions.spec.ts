import { DEAL_STATUSES, type DealStatus, type DealView, type UserView } from '@kepai/contracts';
import {
  availableActions,
  confirmationUrl,
  counterparty,
  dealSide,
  hasConfirmation,
  mayTake,
  outstanding,
  type DealAction,
  type DealSide,
} from './actions';

const BUYER = 'org-buyer';
const SELLER = 'org-seller';
const BROKER = 'org-broker';

function user(
  organisationId: string,
  type: UserView['organisation']['type'],
  role: UserView['role'] = 'owner',
) {
  return {
    role,
    organisation: { id: organisationId, type, name: 'x', region: '北京', verified: true },
  };
}

function deal(over: Partial<DealView> = {}): DealView {
  return {
    id: 'deal-1',
    origin: 'direct',
    resultId: 'result-1',
    buyerOrganisationId: BUYER,
    sellerOrganisationId: SELLER,
    mode: 'assignment',
    price: 1_000_000,
    status: 'requested',
    proposed: false,
    depositApplied: 0,
    amountDue: 1_000_000,
    paidAmount: 0,
    result: { id: 'result-1', title: '一种锂电池隔膜' },
    buyer: { id: BUYER, name: '星河科技' },
    seller: { id: SELLER, name: '东湖大学' },
    broker: { id: BROKER, name: '中关村技术转移' },
    createdAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

const ufpl: DealView['ufpl'] = {
  termMonths: 12,
  criteria: ['良品率提升 5%', '能耗下降 10%'],
  fee: 500_000,
  paymentWindowDays: 30,
  evidence: [
    { criterion: '良品率提升 5%', entries: [] },
    { criterion: '能耗下降 10%', entries: [] },
  ],
  confirmations: {},
};

describe('who the user is to a deal', () => {
  it('is a party, the broker, a platform admin, or nobody', () => {
    expect(dealSide(user(BUYER, 'enterprise'), deal())).toBe('buyer');
    expect(dealSide(user(SELLER, 'institute'), deal())).toBe('seller');
    expect(dealSide(user(BROKER, 'brokerage'), deal())).toBe('broker');
    expect(dealSide(user('platform', 'platform', 'admin'), deal())).toBe('admin');
    // a platform member who is not an admin, and another brokerage, are nobody
    expect(dealSide(user('platform', 'platform', 'member'), deal())).toBeNull();
    expect(dealSide(user('other', 'brokerage'), deal())).toBeNull();
    expect(dealSide(user(BROKER, 'brokerage'), deal({ broker: undefined }))).toBeNull();
  });

  it('names the other party, or both for a broker or an admin', () => {
    expect(counterparty('buyer', deal())).toEqual({ role: 'seller', name: '东湖大学' });
    expect(counterparty('seller', deal())).toEqual({ role: 'buyer', name: '星河科技' });
    expect(counterparty('broker', deal()).role).toBe('both');
    expect(counterparty(null, deal()).name).toBe('星河科技 / 东湖大学');
  });
});

/**
 * The api's rules (DealsService), written out as the expected table: for each status, which
 * side may take which action. Anything not listed is refused.
 */
const UFPL_RULES: Partial<Record<DealStatus, Partial<Record<DealSide, DealAction[]>>>> = {
  requested: { seller: ['accept', 'decline', 'note'], buyer: ['note'], broker: ['note'] },
  signed: { buyer: ['start-use', 'note'], seller: ['note'], broker: ['note'] },
  in_use: { buyer: ['evidence', 'note'], seller: ['note'], broker: ['note'] },
  outcome_pending: {
    buyer: ['evidence', 'outcome', 'note'],
    seller: ['outcome', 'note'],
    broker: ['note'],
  },
  disputed: { buyer: ['note'], seller: ['note'], broker: ['decision', 'note'] },
  fee_due: { buyer: ['note'], seller: ['payment', 'note'], broker: ['note'], admin: ['payment'] },
  overdue: { buyer: ['note'], seller: ['payment', 'note'], broker: ['note'], admin: ['payment'] },
};

describe('what each side may do, by status (use-first-pay-later, with a broker)', () => {
  const sides: DealSide[] = ['buyer', 'seller', 'broker', 'admin'];
  for (const status of DEAL_STATUSES) {
    for (const side of sides) {
      const expected = UFPL_RULES[status]?.[side] ?? (side === 'admin' ? [] : ['note']);
      it(`${status}: the ${side} may ${expected.join(', ') || 'do nothing'}`, () => {
        const subject = deal({
          status,
          mode: 'use_first_pay_later',
          ufpl,
          price: 500_000,
          amountDue: ['fee_due', 'overdue'].includes(status) ? 500_000 : 0,
        });
        expect(availableActions(side, subject)).toEqual(expected);
      });
    }
  }

  it('offers nothing to someone who is not in the deal', () => {
    expect(availableActions(null, deal())).toEqual([]);
  });
});

describe('rules that depend on more than the status', () => {
  it('lets an admin decide a dispute only when the deal has no broker', () => {
    const disputed = deal({ status: 'disputed', mode: 'use_first_pay_later', ufpl });
    expect(mayTake('decision', 'admin', disputed)).toBe(false);
    expect(mayTake('decision', 'admin', { ...disputed, broker: undefined })).toBe(true);
    expect(mayTake('decision', 'broker', disputed)).toBe(true);
    expect(mayTake('decision', 'seller', { ...disputed, broker: undefined })).toBe(false);
  });

  it('offers a payment only while something is outstanding', () => {
    const awaiting = deal({ status: 'awaiting_payment', amountDue: 900_000, paidAmount: 0 });
    expect(mayTake('payment', 'seller', awaiting)).toBe(true);
    expect(mayTake('payment', 'buyer', awaiting)).toBe(false);
    expect(mayTake('payment', 'broker', awaiting)).toBe(false);
    expect(mayTake('payment', 'seller', { ...awaiting, paidAmount: 900_000 })).toBe(false);
    expect(outstanding({ amountDue: 900_000, paidAmount: 400_000 })).toBe(500_000);
    expect(outstanding({ amountDue: 0, paidAmount: 10 })).toBe(0);
  });

  it('keeps use-first-pay-later steps off a deal in another mode', () => {
    expect(mayTake('start-use', 'buyer', deal({ status: 'signed' }))).toBe(false);
    expect(mayTake('evidence', 'buyer', deal({ status: 'in_use' }))).toBe(false);
  });
});

describe('the confirmation of sale', () => {
  it('exists once the deal stands, not for a request or a declined one', () => {
    const without = DEAL_STATUSES.filter((status) => !hasConfirmation(status));
    expect(without).toEqual(['requested', 'declined']);
    expect(confirmationUrl('a b')).toBe('/api/v1/deals/a%20b/confirmation.pdf');
  });
});
