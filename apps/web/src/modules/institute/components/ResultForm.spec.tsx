import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ResultView, UserView } from '@kepai/contracts';
import { setupI18n } from '../../../i18n/i18n';

const { MemoryRouter } = await import('react-router');
const { ResultForm } = await import('./ResultForm');

setupI18n('zh-CN');

const user: UserView = {
  id: 'u1',
  email: 'institute@demo.kepai.cn',
  displayName: '陈教授',
  role: 'owner',
  organisation: {
    id: 'o1',
    type: 'institute',
    name: '东海理工大学',
    region: '浙江',
    verified: true,
  },
};

const saved = {
  id: '9b2f7c1e-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
  title: '固态电池电解质材料',
  summary: '一种高离子电导率的固态电解质材料',
  description: '本成果提供一种硫化物固态电解质的制备方法，室温离子电导率高。',
  field: 'energy',
  keywords: ['电池'],
  patentNumbers: [],
  maturity: 'pilot',
  transactionModes: ['assignment'],
  askingPrice: 12_850_000,
  region: '浙江省杭州市',
  team: [],
  status: 'draft',
  institute: { id: 'o1', name: '东海理工大学' },
  viewCount: 0,
  favouriteCount: 0,
  rejectReason: null,
  publishedAt: null,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  favourited: false,
  attachments: [],
} as ResultView;

function respond(status: number, body: unknown): Promise<Response> {
  return Promise.resolve({
    ok: status < 400,
    status,
    json: () => Promise.resolve(body),
  } as Response);
}

type Call = [string, RequestInit | undefined];

/** A fetch that records its calls and answers with `answer`. */
function recording(answer: () => Promise<Response>) {
  const calls: Call[] = [];
  const fetcher = (url: string, init?: RequestInit) => {
    calls.push([url, init]);
    return answer();
  };
  return { calls, fetcher };
}

function renderForm(fetcher: (url: string, init?: RequestInit) => Promise<Response>) {
  globalThis.fetch = fetcher as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>
          <ResultForm user={user} saved={saved} />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

describe('ResultForm', () => {
  it('sends the whole body in fen and shows an api refusal under the field it names', async () => {
    const { calls, fetcher } = recording(() =>
      respond(400, {
        error: {
          code: 'INVALID_INPUT',
          message: 'region must be longer than or equal to 2 characters',
        },
      }),
    );
    renderForm(fetcher);
    fireEvent.click(screen.getByTestId('result-save'));
    await waitFor(() =>
      expect(screen.getByText('平台未接受此项：所在地区需 2–64 个字')).toBeTruthy(),
    );
    const [url, init] = calls[0];
    expect(url).toBe(`/api/v1/results/${saved.id}`);
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      title: saved.title,
      askingPrice: 12_850_000,
      team: [],
      ufplTerms: null,
    });
  });

  it('refuses a cleared title before asking the api', async () => {
    const { calls, fetcher } = recording(() => respond(500, null));
    renderForm(fetcher);
    fireEvent.change(screen.getByLabelText('成果名称'), { target: { value: '电池' } });
    fireEvent.click(screen.getByTestId('result-save'));
    await waitFor(() => expect(screen.getByText('成果名称需 4–200 个字')).toBeTruthy());
    expect(calls).toEqual([]);
  });

  it('says a priced result cannot go back to negotiable', async () => {
    const { calls, fetcher } = recording(() => respond(500, null));
    renderForm(fetcher);
    fireEvent.click(screen.getByTestId('negotiable-switch'));
    fireEvent.click(screen.getByTestId('result-save'));
    await waitFor(() =>
      expect(screen.getByText('已标价的成果不能改回面议，可以修改价格')).toBeTruthy(),
    );
    expect(calls).toEqual([]);
  });
});
