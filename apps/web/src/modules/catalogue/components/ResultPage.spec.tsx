import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { LotListItem, ResultView, UserView } from '@kepai/contracts';
import { App as AntApp } from 'antd';
import { setupI18n } from '../../../i18n/i18n';

const { MemoryRouter, Route, Routes } = await import('react-router');
const { ResultPage } = await import('./ResultPage');

setupI18n('zh-CN');

const ID = '875c4d92-fb8c-4864-b31e-e65cc628b066';

const result: ResultView = {
  id: ID,
  title: '一种锂金属负极包覆的宽温域液流电池电解液回收再生方法',
  summary: '针对现有电池能量密度接近瓶颈的问题，本成果提出回收再生方法。',
  description: '当前在新能源汽车领域普遍存在现有电池能量密度接近瓶颈等问题。',
  field: 'energy',
  keywords: ['锂金属负极', '宽温域'],
  patentNumbers: ['ZL201621036662.5'],
  patentStatus: 'granted',
  ipcClass: 'H01M 50/44',
  maturity: 'lab',
  transactionModes: ['use_first_pay_later', 'assignment'],
  askingPrice: 70_500_000,
  region: '黑龙江省哈尔滨市',
  team: ['孟建国 副研究员', '夏磊'],
  ufplTerms: {
    termMonths: 36,
    criteria: ['首次库伦效率提高 5.8% 以上', '销售收入不低于 3700 万元'],
    fee: 80_500_000,
    paymentWindowDays: 60,
  },
  status: 'published',
  institute: { id: '0714d37c-f1f4-44b5-ab40-919c760dfc54', name: '黑龙江北辰工业大学' },
  viewCount: 713,
  favouriteCount: 31,
  rejectReason: null,
  publishedAt: '2025-03-09T07:58:33.945Z',
  createdAt: '2025-03-09T07:58:33.945Z',
  updatedAt: '2025-03-09T07:58:33.945Z',
  favourited: false,
  attachments: [
    {
      id: '1f0a3c5e-7b2d-4e8f-9a10-2b3c4d5e6f70',
      fileName: '检测报告.pdf',
      contentType: 'application/pdf',
      size: 204_800,
      sha256: 'x',
      createdAt: '2025-03-09T07:58:33.945Z',
    },
  ],
};

const lot: LotListItem = {
  id: '7bf96a93-543c-4b44-97e8-7ea31e70ab56',
  sessionId: 'b1248585-c7b3-4305-8ae7-c1356cd7d8ff',
  resultId: ID,
  status: 'scheduled',
  price: null,
  leaderPaddle: null,
  bidCount: 0,
  lastSeq: 0,
  minNext: 80_000_000,
  reserveMet: false,
  paused: false,
  opensAt: '2026-11-22T09:00:00.000Z',
  closesAt: '2026-11-22T13:00:00.000Z',
  serverTime: '2026-11-22T07:58:50.306Z',
  mode: 'assignment',
  startingPrice: 80_000_000,
  result: { id: ID, title: result.title, institute: result.institute },
  session: {
    id: 'b1248585-c7b3-4305-8ae7-c1356cd7d8ff',
    title: '长三角先进制造成果 直播拍卖会',
    format: 'live',
    host: { id: 'h', name: '长三角科技成果转化服务中心' },
  },
};

const enterprise: UserView = {
  id: 'u',
  email: 'enterprise@demo.kepai.cn',
  displayName: '企业用户',
  role: 'owner',
  organisation: { id: 'o', type: 'enterprise', name: '企业', region: '北京市', verified: true },
};

type Reply = { status: number; body: unknown };

function renderAt(path: string, reply: (method: string, url: string) => Reply) {
  const calls: string[] = [];
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const url = String(input);
    calls.push(`${method} ${url}`);
    const { status, body } = reply(method, url);
    return Promise.resolve({
      ok: status < 400,
      status,
      json: () => Promise.resolve(body),
    } as Response);
  }) as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/results/:id" element={<ResultPage />} />
          </Routes>
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
  return calls;
}

const notFound: Reply = { status: 404, body: { error: { code: 'NOT_FOUND', message: 'No' } } };

function api(me: UserView | null, favourite?: Reply) {
  return (_method: string, url: string): Reply => {
    if (url === '/api/v1/me') return me ? { status: 200, body: me } : { status: 401, body: null };
    if (url === `/api/v1/results/${ID}`) return { status: 200, body: result };
    if (url === `/api/v1/results/${ID}/similar`) return { status: 200, body: [] };
    if (url === `/api/v1/lots?resultId=${ID}`) return { status: 200, body: [lot] };
    if (url === `/api/v1/results/${ID}/favourite` && favourite) return favourite;
    return notFound;
  };
}

describe('ResultPage', () => {
  afterEach(() => {
    document.cookie = 'csrf=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('is the not-found page for an id that cannot be one, without asking the api', async () => {
    const calls = renderAt('/results/no-such-result', api(null));
    await screen.findByTestId('not-found');
    expect(calls.filter((call) => call.includes('/results/'))).toEqual([]);
  });

  it('is the not-found page when the api has no such result', async () => {
    renderAt('/results/00000000-0000-4000-8000-000000000000', api(null));
    await screen.findByTestId('not-found');
  });

  it('shows the result, its terms in plain words, attachments and lots', async () => {
    renderAt(`/results/${ID}`, api(null));
    expect((await screen.findByTestId('result-title')).textContent).toBe(result.title);
    const ufpl = screen.getByTestId('ufpl-terms');
    expect(ufpl.textContent).toContain('企业可以先免费使用本成果 36 个月');
    expect(ufpl.textContent).toContain('在 60 天内支付使用费 ¥80.5万');
    expect(ufpl.textContent).toContain('没有达到约定效果，企业无需付费');
    expect(within(ufpl).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('检测报告.pdf').getAttribute('href')).toBe(
      `/api/v1/results/${ID}/attachments/1f0a3c5e-7b2d-4e8f-9a10-2b3c4d5e6f70`,
    );
    expect(screen.getByText('已授权')).toBeTruthy();
    const lots = await screen.findByTestId('result-lots');
    await within(lots).findByText('长三角先进制造成果 直播拍卖会');
    const links = within(lots)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href'));
    expect(links).toEqual([`/sessions/${lot.sessionId}`, `/lots/${lot.id}`]);
  });

  it('asks an anonymous reader to sign in before favouriting', async () => {
    const calls = renderAt(`/results/${ID}`, api(null));
    const button = await screen.findByTestId('favourite-button');
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    const prompt = await screen.findByTestId('favourite-sign-in');
    expect(within(prompt).getByRole('link').getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/results/${ID}`)}`,
    );
    expect(calls.some((call) => call.startsWith('POST'))).toBe(false);
  });

  it('favourites for a signed-in reader and updates the count without reading the result again', async () => {
    // signed in: the api set the readable csrf cookie beside the session cookie
    document.cookie = 'csrf=token-1; path=/';
    const calls = renderAt(
      `/results/${ID}`,
      api(enterprise, { status: 200, body: { favourited: true, favouriteCount: 32 } }),
    );
    const button = await screen.findByTestId('favourite-button');
    expect(button.textContent).toContain('31 人收藏');
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('favourite-button').textContent).toContain('32'));
    expect(screen.queryByTestId('favourite-sign-in')).toBeNull();
    expect(screen.getByTestId('favourite-button').getAttribute('aria-pressed')).toBe('true');
    expect(calls).toContain(`POST /api/v1/results/${ID}/favourite`);
    // the api counts a view on every read of the result: it was read once
    expect(calls.filter((call) => call === `GET /api/v1/results/${ID}`)).toHaveLength(1);
  });
});
