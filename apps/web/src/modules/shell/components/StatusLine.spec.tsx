import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import type { HealthReport } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import { StatusLine } from './StatusLine';

setupI18n('zh-CN');

const report: HealthReport = {
  status: 'ok',
  version: '0.1.0',
  serverTime: '2026-11-22T02:00:00.000Z',
  database: { status: 'up', detail: 'embedded pglite' },
  redis: { status: 'disabled', detail: 'in-process' },
};

function renderWith(respond: () => Promise<Response>) {
  globalThis.fetch = respond as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <StatusLine />
    </QueryClientProvider>,
  );
}

function jsonResponse(status: number, body: unknown): Promise<Response> {
  // jsdom has no Response class; fetchHealth reads only these members
  return Promise.resolve({
    ok: status < 400,
    status,
    json: () => Promise.resolve(body),
  } as Response);
}

describe('StatusLine', () => {
  it('says the service is up and names each component', async () => {
    renderWith(() => jsonResponse(200, report));
    await waitFor(() => expect(screen.getByTestId('status-line').dataset['state']).toBe('ok'));
    expect(screen.getByText('服务正常')).toBeTruthy();
    expect(screen.getByText(/数据库: 正常 \(embedded pglite\)/)).toBeTruthy();
    expect(screen.getByText(/Redis: 未启用 \(in-process\)/)).toBeTruthy();
  });

  it('shows which component is down from a 503 report', async () => {
    renderWith(() =>
      jsonResponse(503, { ...report, status: 'error', redis: { status: 'down', detail: 'redis' } }),
    );
    await waitFor(() => expect(screen.getByTestId('status-line').dataset['state']).toBe('error'));
    expect(screen.getByText('服务异常')).toBeTruthy();
    expect(screen.getByText(/Redis: 故障/)).toBeTruthy();
  });

  it('says the server cannot be reached when the request fails', async () => {
    renderWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await waitFor(() =>
      expect(screen.getByTestId('status-line').dataset['state']).toBe('unreachable'),
    );
    expect(screen.getByText('无法连接服务器')).toBeTruthy();
  });
});
