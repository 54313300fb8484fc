import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { HealthReport } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';
import { StatusLine, detailText } from './StatusLine';

const i18n = setupI18n('zh-CN');

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
  afterEach(() => cleanup());

  it('says the service is up and names each component', async () => {
    renderWith(() => jsonResponse(200, report));
    await waitFor(() => expect(screen.getByTestId('status-line').dataset['state']).toBe('ok'));
    expect(screen.getByText('服务正常')).toBeTruthy();
    expect(screen.getByTestId('status-database').textContent).toBe('数据库：正常（内嵌 PGlite）');
    expect(screen.getByTestId('status-redis').textContent).toBe('Redis：未启用（进程内）');
    expect(screen.getByText('版本 0.1.0')).toBeTruthy();
    // the server's own words stay on the element as data, not as text
    expect(screen.getByTestId('status-database').dataset['detail']).toBe('embedded pglite');
    expect(screen.getByTestId('status-line').textContent).not.toMatch(/pglite|in-process/);
  });

  it('speaks English after a switch, naming a detail only where it adds to the name', async () => {
    await i18n.changeLanguage('en');
    try {
      renderWith(() =>
        jsonResponse(200, {
          ...report,
          database: { status: 'up', detail: 'postgresql' },
          redis: { status: 'up', detail: 'redis' },
        }),
      );
      await waitFor(() => expect(screen.getByTestId('status-line').dataset['state']).toBe('ok'));
      expect(screen.getByText('All systems normal')).toBeTruthy();
      expect(screen.getByTestId('status-database').textContent).toBe('Database: up (PostgreSQL)');
      expect(screen.getByTestId('status-redis').textContent).toBe('Redis: up');
      expect(screen.getByText('v0.1.0')).toBeTruthy();
      expect(screen.getByText(/^Server time: /)).toBeTruthy();
    } finally {
      cleanup();
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('keeps an unknown detail as data only', () => {
    const t = i18n.t;
    expect(detailText('embedded pglite', t)).toBe('内嵌 PGlite');
    expect(detailText('in-process', t)).toBe('进程内');
    expect(detailText('redis', t)).toBeNull();
    expect(detailText('cluster of 3 (eu-west)', t)).toBeNull();
    expect(detailText(undefined, t)).toBeNull();
  });

  it('shows which component is down from a 503 report', async () => {
    renderWith(() =>
      jsonResponse(503, { ...report, status: 'error', redis: { status: 'down', detail: 'redis' } }),
    );
    await waitFor(() => expect(screen.getByTestId('status-line').dataset['state']).toBe('error'));
    expect(screen.getByText('服务异常')).toBeTruthy();
    expect(screen.getByTestId('status-redis').textContent).toBe('Redis：故障');
    expect(screen.getByTestId('status-redis').dataset['status']).toBe('down');
  });

  it('says the server cannot be reached when the request fails', async () => {
    renderWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await waitFor(() =>
      expect(screen.getByTestId('status-line').dataset['state']).toBe('unreachable'),
    );
    expect(screen.getByText('无法连接服务器')).toBeTruthy();
  });
});
