import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { SessionView, UserView } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';

const { MemoryRouter, Route, Routes } = await import('react-router');
const { NewSession } = await import('./NewSession');

setupI18n('zh-CN');

const user: UserView = {
  id: 'u1',
  email: 'broker@demo.kepai.cn',
  displayName: '孙经纪人',
  role: 'owner',
  organisation: { id: 'o1', type: 'brokerage', name: '经纪中心', region: '上海', verified: true },
};

function jsonResponse(status: number, body: unknown): Promise<Response> {
  return Promise.resolve({
    ok: status < 400,
    status,
    json: () => Promise.resolve(body),
  } as Response);
}

function renderForm(respond: (url: string, init: RequestInit) => Promise<Response>) {
  const calls: Array<{ url: string; body: unknown }> = [];
  globalThis.fetch = ((url: string, init: RequestInit) => {
    calls.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    return respond(url, init);
  }) as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter initialEntries={['/console/broker/sessions/new']}>
          <Routes>
            <Route path="/console/broker/sessions/new" element={<NewSession user={user} />} />
            <Route path="/console/broker/sessions/:id" element={<p>landed</p>} />
          </Routes>
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
  return calls;
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

// antd renders a whole form in jsdom slowly on these machines
const TEST_MS = 30_000;
describe('NewSession', () => {
  it(
    'sends a live session in fen and opens its console page',
    async () => {
      const calls = renderForm(() =>
        jsonResponse(201, { id: '9b2e1c1e-0d4a-4b8e-9a55-3c5f1d2e7a10' } as SessionView),
      );
      fill('专场名称', '  端到端现场拍卖专场 ');
      fireEvent.click(screen.getByText('现场拍卖'));
      fill('保证金（元）', '10,000.5');
      fireEvent.click(screen.getByTestId('session-save'));
      await screen.findByText('landed');
      expect(calls).toEqual([
        {
          url: '/api/v1/sessions',
          body: {
            title: '端到端现场拍卖专场',
            format: 'live',
            depositAmount: 1_000_050,
            softCloseSeconds: 300,
            liveCountdownSeconds: 30,
            increments: [
              [0, 500_000],
              [10_000_000, 1_000_000],
              [50_000_000, 2_000_000],
              [100_000_000, 5_000_000],
            ],
          },
        },
      ]);
    },
    TEST_MS,
  );

  it(
    'shows what is wrong in plain words and sends nothing',
    async () => {
      const calls = renderForm(() => jsonResponse(500, null));
      fill('专场名称', 'ab');
      fill('第 2 档起点（元）', '0');
      fireEvent.click(screen.getByTestId('session-save'));
      expect(await screen.findByText('专场名称需 4–200 个字')).toBeTruthy();
      expect(screen.getByText('这一档的起点必须高于上一档')).toBeTruthy();
      expect(calls).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'puts a refusal of the api on the field it is about',
    async () => {
      renderForm(() =>
        jsonResponse(400, {
          error: { code: 'INVALID_INPUT', message: 'depositAmount must not be greater than 1' },
        }),
      );
      fill('专场名称', '新能源专利专场');
      fireEvent.click(screen.getByTestId('session-save'));
      expect(await screen.findByText('保证金需为 0 到 10 亿元之间的金额')).toBeTruthy();
    },
    TEST_MS,
  );

  it(
    'says when the organisation may not host yet',
    async () => {
      renderForm(() =>
        jsonResponse(403, { error: { code: 'ORGANISATION_UNVERIFIED', message: 'verify first' } }),
      );
      fill('专场名称', '新能源专利专场');
      fireEvent.click(screen.getByTestId('session-save'));
      await waitFor(() =>
        expect(screen.getByRole('alert').textContent).toContain('尚未通过实名认证'),
      );
    },
    TEST_MS,
  );
});
