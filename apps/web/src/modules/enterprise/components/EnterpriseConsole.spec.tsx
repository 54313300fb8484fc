import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { DealView, MyBidView, UserView } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';

const { MemoryRouter, Route, Routes } = await import('react-router');
const { EnterpriseConsole } = await import('./EnterpriseConsole');

setupI18n('zh-CN');

const TEST_MS = 30_000;
function user(verified: boolean): UserView {
  return {
    id: 'u1',
    email: 'enterprise@demo.kepai.cn',
    displayName: '王总',
    role: 'owner',
    organisation: { id: 'o1', type: 'enterprise', name: '明湖智能', region: '杭州', verified },
  };
}

const bids: MyBidView[] = [
  {
    lotId: 'lot-a',
    seq: 4,
    paddle: 2,
    amount: 43_000_000,
    kind: 'proxy',
    at: '2026-11-22T02:00:00.000Z',
    result: { id: 'r-a', title: '核电管道监测系统' },
    session: { id: 's1', title: '新材料专场' },
    lot: { status: 'open', price: 43_000_000, leaderPaddle: 2, closesAt: '2026-11-23T02:00:00Z' },
    leading: true,
  },
  {
    lotId: 'lot-b',
    seq: 2,
    paddle: 2,
    amount: 1_000_000,
    kind: 'manual',
    at: '2026-11-22T01:00:00.000Z',
    result: { id: 'r-b', title: '固化稳定化方法' },
    session: { id: 's1', title: '新材料专场' },
    lot: { status: 'sold', price: 2_000_000, leaderPaddle: 5, closesAt: '2026-11-22T01:30:00Z' },
    leading: false,
  },
];

const deal = {
  id: 'd1',
  origin: 'auction',
  lotId: 'lot-c',
  resultId: 'r-c',
  buyerOrganisationId: 'o1',
  sellerOrganisationId: 'o2',
  mode: 'assignment',
  price: 120_000_000,
  status: 'awaiting_payment',
  proposed: false,
  depositApplied: 5_000_000,
  amountDue: 115_000_000,
  paidAmount: 0,
  result: { id: 'r-c', title: '锂硫电池正极' },
  buyer: { id: 'o1', name: '明湖智能' },
  seller: { id: 'o2', name: '东海理工大学' },
  createdAt: '2026-11-22T03:00:00.000Z',
} satisfies DealView;

function serve(answers: Record<string, unknown>) {
  globalThis.fetch = ((url: string) => {
    const path = url.replace('/api/v1', '');
    const body = answers[path];
    return Promise.resolve({
      ok: body !== undefined,
      status: body !== undefined ? 200 : 404,
      json: () => Promise.resolve(body ?? { error: { code: 'NOT_FOUND', message: `no ${path}` } }),
    } as Response);
  }) as typeof fetch;
}

function renderAt(path: string, verified = true) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/console/enterprise/*"
              element={<EnterpriseConsole user={user(verified)} />}
            />
          </Routes>
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('EnterpriseConsole', () => {
  it(
    'shows each bid with where the organisation stands',
    async () => {
      serve({ '/me/bids': bids });
      renderAt('/console/enterprise/bids');
      const rows = await screen.findAllByTestId('my-bid-row');
      expect(rows).toHaveLength(2);
      expect(within(rows[0]).getByText('领先')).toBeTruthy();
      expect(within(rows[0]).getByText(/代理出价/)).toBeTruthy();
      expect(within(rows[1]).getByText('未竞得')).toBeTruthy();
      expect(screen.getByText('共在 2 个标的出价，当前领先 1 个，已竞得 0 个')).toBeTruthy();
      expect(within(rows[0]).getByRole('link', { name: '进入竞价室' }).getAttribute('href')).toBe(
        '/lots/lot-a',
      );
    },
    TEST_MS,
  );

  it(
    'shows a won lot as a deal with what is still due',
    async () => {
      serve({ '/deals': [deal] });
      renderAt('/console/enterprise/deals');
      const row = await screen.findByTestId('my-deal-row');
      expect(within(row).getByText('待付款')).toBeTruthy();
      expect(within(row).getByText('东海理工大学')).toBeTruthy();
      expect(within(row).getByText('¥115万')).toBeTruthy();
    },
    TEST_MS,
  );

  it(
    'tells an unverified organisation in plain words, and a failed read with a retry',
    async () => {
      serve({});
      renderAt('/console/enterprise', false);
      expect(screen.getByTestId('unverified-banner').textContent).toContain('尚未通过实名认证');
      const failed = await screen.findByRole('alert');
      expect(failed.textContent).toContain('没有找到');
      expect(within(failed).getByRole('button', { name: /重\s?试/ })).toBeTruthy();
    },
    TEST_MS,
  );
});
