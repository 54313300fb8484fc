import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { OrganisationDetail } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';

const { MemoryRouter } = await import('react-router');
const { OrganisationsPage } = await import('./OrganisationsPage');

setupI18n('zh-CN');

const pending: OrganisationDetail = {
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  type: 'enterprise',
  name: '苏州启源生物科技有限公司',
  region: '江苏省苏州市',
  verified: false,
  creditCode: '91320500MA1D400040',
  createdAt: '2026-11-22T00:28:00Z',
};

function respond(status: number, body: unknown): Promise<Response> {
  return Promise.resolve({
    ok: status < 400,
    status,
    json: () => Promise.resolve(body),
  } as Response);
}

describe('OrganisationsPage', () => {
  it('lists organisations awaiting verification and verifies one', async () => {
    let verified = false;
    const calls: string[] = [];
    const fetcher = (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (init?.method === 'POST') {
        verified = true;
        return respond(200, { ...pending, verified: true });
      }
      expect(url).toBe('/api/v1/admin/organisations?status=pending');
      return respond(200, verified ? [] : [pending]);
    };
    globalThis.fetch = fetcher as unknown as typeof fetch;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <App>
          <MemoryRouter>
            <OrganisationsPage />
          </MemoryRouter>
        </App>
      </QueryClientProvider>,
    );
    const row = await screen.findByTestId('org-row');
    expect(within(row).getByText('91320500MA1D400040')).toBeTruthy();
    fireEvent.click(within(row).getByTestId('verify-button'));
    await waitFor(() => expect(screen.queryByTestId('org-row')).toBeNull());
    expect(calls).toContain(`POST /api/v1/admin/organisations/${pending.id}/verify`);
    expect(screen.getByText('没有待认证的机构')).toBeTruthy();
  });
});
