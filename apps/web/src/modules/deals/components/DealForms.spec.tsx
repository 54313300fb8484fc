import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { DealView, ResultView, UserView } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import { queryKeys } from '../../../lib/query-keys';

const { MemoryRouter, Route, Routes } = await import('react-router');
const { DealActions } = await import('./DealActions');
const { RequestDealButton } = await import('./RequestDealButton');

setupI18n('zh-CN');

const TEST_MS = 30_000;
const ufplTerms: NonNullable<DealView['ufpl']> = {
  termMonths: 12,
  criteria: ['良品率提升 5%'],
  fee: 500_000,
  paymentWindowDays: 30,
  evidence: [{ criterion: '良品率提升 5%', entries: [] }],
  confirmations: { seller: { outcome: 'achieved', agree: true, at: '2026-11-22T06:00:00Z' } },
};

const ufplDeal: DealView = {
  id: 'ca1fdd74-756b-46c3-bb6b-573bd95f1401',
  origin: 'direct',
  resultId: 'r1',
  buyerOrganisationId: 'buyer',
  sellerOrganisationId: 'seller',
  mode: 'use_first_pay_later',
  price: 500_000,
  status: 'outcome_pending',
  proposed: false,
  depositApplied: 0,
  amountDue: 0,
  paidAmount: 0,
  ufpl: ufplTerms,

  result: { id: 'r1', title: '锂电池隔膜' },
  buyer: { id: 'buyer', name: '星河科技' },
  seller: { id: 'seller', name: '东湖大学' },
  createdAt: '2026-11-01T00:00:00.000Z',
};

function jsonResponse(status: number, body: unknown): Promise<Response> {
  return Promise.resolve({
    ok: status < 400,
    status,
    json: () => Promise.resolve(body),
  } as Response);
}

function stubFetch(respond: (url: string, init: RequestInit) => Promise<Response>) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  globalThis.fetch = ((url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    return respond(url, init);
  }) as typeof fetch;
  return calls;
}

function renderWith(element: React.ReactNode, client: QueryClient, path = '/') {
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={path} element={element} />
            <Route path="/deals/:id" element={<p>landed on the deal</p>} />
          </Routes>
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('the deal action forms', () => {
  it(
    'states the outcome with the radio chosen, and disputes it',
    async () => {
      const calls = stubFetch(() => jsonResponse(200, { ...ufplDeal, status: 'disputed' }));
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      renderWith(<DealActions deal={ufplDeal} side="buyer" />, client);
      expect(screen.queryByTestId('deal-action-accept')).toBeNull();
      fireEvent.click(screen.getByTestId('deal-action-outcome'));
      expect(await screen.findByText('对方的结论：已达成。')).toBeTruthy();
      // nothing chosen: refused before anything is sent
      fireEvent.click(screen.getByTestId('deal-submit'));
      expect(await screen.findByText('请选择达成或未达成')).toBeTruthy();
      fireEvent.click(screen.getByLabelText('未达成'));
      fireEvent.click(screen.getByLabelText('我对成效有异议，请技术经纪人（或平台）裁定'));
      fireEvent.click(screen.getByTestId('deal-submit'));
      await waitFor(() => expect(calls).toHaveLength(1));
      expect(calls[0]).toEqual({
        url: `/api/v1/deals/${ufplDeal.id}/outcome`,
        method: 'POST',
        body: { outcome: 'not_achieved', agree: false },
      });
      await waitFor(() =>
        expect(client.getQueryData<DealView>(queryKeys.deal(ufplDeal.id))?.status).toBe('disputed'),
      );
    },
    TEST_MS,
  );

  it(
    'records a payment in fen, and says a refusal in plain words',
    async () => {
      const due = {
        ...ufplDeal,
        status: 'fee_due' as const,
        amountDue: 500_000,
        ufpl: { ...ufplTerms, outcome: 'achieved' as const },
      };
      const calls = stubFetch(() =>
        jsonResponse(409, { error: { code: 'CONFLICT', message: 'exceeds' } }),
      );
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      renderWith(<DealActions deal={due} side="seller" />, client);
      fireEvent.click(screen.getByTestId('deal-action-payment'));
      const amount = await screen.findByLabelText('到账金额');
      expect((amount as HTMLInputElement).value).toBe('5000');
      fireEvent.change(amount, { target: { value: '1,234.5' } });
      fireEvent.change(screen.getByLabelText('银行流水号'), { target: { value: 'ICBC-1' } });
      fireEvent.click(screen.getByTestId('deal-submit'));
      await waitFor(() => expect(calls).toHaveLength(1));
      expect(calls[0].body).toEqual({ amount: 123_450, reference: 'ICBC-1' });
      expect((await screen.findByTestId('deal-refusal')).textContent).toMatch(/超过尚欠金额/);
    },
    TEST_MS,
  );
});

const result = {
  id: 'b6f2d1a4-1c1e-4e5a-9c2a-1f7e2d3c4b5a',
  title: '锂电池隔膜',
  status: 'published',
  transactionModes: ['ordinary_licence', 'use_first_pay_later'],
  institute: { id: 'seller', name: '东湖大学' },
  ufplTerms: { termMonths: 12, criteria: ['良品率提升 5%'], fee: 500_000, paymentWindowDays: 30 },
} as unknown as ResultView; // only the fields the button reads

const enterprise: UserView = {
  id: 'u1',
  email: 'enterprise@demo.kepai.cn',
  displayName: '王总',
  role: 'owner',
  organisation: {
    id: 'buyer',
    type: 'enterprise',
    name: '星河科技',
    region: '杭州',
    verified: true,
  },
};

describe('RequestDealButton', () => {
  it(
    'asks for a negotiable result with a proposed price in fen, then opens the deal',
    async () => {
      const calls = stubFetch((url) =>
        url.endsWith('/sessions')
          ? jsonResponse(200, [])
          : jsonResponse(201, { ...ufplDeal, id: 'new-deal', status: 'requested' }),
      );
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      client.setQueryData(queryKeys.me, enterprise);
      renderWith(<RequestDealButton result={result} />, client, '/results/r1');
      fireEvent.click(screen.getByTestId('request-deal-button'));
      await screen.findByTestId('request-deal-form');
      // the result is negotiable (面议): "at the listed terms" cannot be chosen for a licence
      expect(screen.getByTestId('request-no-listed').textContent).toMatch(/面议/);
      fireEvent.change(await screen.findByLabelText('您的报价'), {
        target: { value: '30000' },
      });
      fireEvent.click(screen.getByTestId('request-deal-submit'));
      expect(await screen.findByText('landed on the deal')).toBeTruthy();
      expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
        resultId: result.id,
        mode: 'ordinary_licence',
        proposal: { price: 3_000_000 },
      });
    },
    TEST_MS,
  );

  it('shows nothing to an institute, and nothing for a result not on offer', () => {
    stubFetch(() => jsonResponse(200, []));
    const client = new QueryClient();
    client.setQueryData(queryKeys.me, {
      ...enterprise,
      organisation: { ...enterprise.organisation, type: 'institute' },
    });
    renderWith(<RequestDealButton result={result} />, client);
    expect(screen.queryByTestId('request-deal-button')).toBeNull();
    const other = new QueryClient();
    other.setQueryData(queryKeys.me, enterprise);
    renderWith(<RequestDealButton result={{ ...result, status: 'sold' }} />, other);
    expect(screen.queryByTestId('request-deal-button')).toBeNull();
  });
});
