import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { SearchResponse } from '@kepai/contracts';
import { App as AntApp } from 'antd';
import { setupI18n } from '../../../i18n/i18n';

const { MemoryRouter, Route, Routes, useLocation } = await import('react-router');
const { SearchPage } = await import('./SearchPage');

setupI18n('zh-CN');

// jsdom measures no pseudo-elements (the drawer's scroll lock asks for the scrollbar's)
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

const answer: SearchResponse = {
  items: [
    {
      id: '8813d82b-79a5-4395-b5d3-5f37d7a25860',
      title: '无钴锂硫电池正极<img src=x onerror=alert(1)>',
      titleHighlighted: '无钴锂硫«电池»正极<img src=x onerror=alert(1)>',
      summaryHighlighted: '针对现有«电池»能量密度瓶颈',
      institute: { id: '6071bd4b-f32b-4e10-832a-61bbcb5363c2', name: '东海理工大学' },
      field: 'energy',
      maturity: 'lab',
      transactionModes: ['assignment', 'use_first_pay_later'],
      askingPrice: 1_211_000_000,
      region: '湖南省株洲市',
      publishedAt: '2025-02-15T07:58:33.945Z',
      viewCount: 900,
      favouriteCount: 35,
      lot: { id: 'c231d329-0e89-472b-9e13-1eda0a24e96b', closesAt: '2026-11-22T09:59:00.000Z' },
    },
  ],
  total: 54,
  nextCursor: 'next-1',
  facets: {
    field: [{ value: 'energy', count: 38 }],
    mode: [
      { value: 'assignment', count: 28 },
      { value: 'equity', count: 9 },
    ],
    maturity: [{ value: 'lab', count: 19 }],
    region: [{ value: '北京市', count: 21 }],
    priceBand: [
      { value: 'over_5m', count: 30 },
      { value: 'negotiable', count: 4 },
    ],
    institute: [{ value: '6071bd4b-f32b-4e10-832a-61bbcb5363c2', count: 5, label: '东海理工大学' }],
  },
};

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderAt(path: string) {
  const requests: string[] = [];
  globalThis.fetch = ((input: RequestInfo | URL) => {
    requests.push(String(input));
    return Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve(answer),
    } as Response);
  }) as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/search" element={<SearchPage />} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
          <Where />
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
  return requests;
}

const searchRequests = (requests: string[]) =>
  requests.filter((url) => url.startsWith('/api/v1/search/results'));

describe('SearchPage', () => {
  it('asks the api for the search in the URL, arrays as repeated parameters', async () => {
    const requests = renderAt('/search?q=%E7%94%B5%E6%B1%A0&field=energy&field=it&sort=newest');
    await screen.findAllByTestId('result-card');
    expect(searchRequests(requests)).toEqual([
      '/api/v1/search/results?q=%E7%94%B5%E6%B1%A0&field=it&field=energy&sort=newest&limit=20',
    ]);
    expect(screen.getByTestId('search-total').textContent).toBe('共 54 项成果');
    expect(screen.getByTestId('search-total').dataset['total']).toBe('54');
    const field = within(screen.getByTestId('result-card')).getByTestId('result-card-field');
    expect(field.textContent).toBe('新能源');
    expect(field.dataset['field']).toBe('energy');
  });

  it('marks matched terms and shows markup from the api as text', async () => {
    renderAt('/search?q=%E7%94%B5%E6%B1%A0');
    const card = await screen.findByTestId('result-card');
    const marks = [...card.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['电池', '电池']);
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror=alert(1)>');
    // the title is the card's first link; the open lot links to its live room
    const links = within(card).getAllByRole('link');
    expect(links[0].getAttribute('href')).toBe('/results/8813d82b-79a5-4395-b5d3-5f37d7a25860');
    expect(within(card).getByTestId('lot-badge').getAttribute('href')).toBe(
      '/lots/c231d329-0e89-472b-9e13-1eda0a24e96b',
    );
    expect(card.textContent).toContain('¥1,211万');
  });

  it('puts a picked facet value into the URL and searches again from the first page', async () => {
    const requests = renderAt('/search?q=%E7%94%B5%E6%B1%A0&cursor=abc');
    await screen.findAllByTestId('result-card');
    // jsdom is narrow: the facets sit in a drawer
    fireEvent.click(screen.getByTestId('facets-toggle'));
    const equity = await screen.findByTestId('facet-mode-equity');
    expect(screen.getByTestId('facet-mode').textContent).toContain('作价入股9');
    fireEvent.click(equity);
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(
        '/search?q=%E7%94%B5%E6%B1%A0&mode=equity',
      ),
    );
    await waitFor(() =>
      expect(searchRequests(requests).at(-1)).toBe(
        '/api/v1/search/results?q=%E7%94%B5%E6%B1%A0&mode=equity&limit=20',
      ),
    );
    fireEvent.click(screen.getByTestId('facet-priceBand-over_5m'));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(
        '/search?q=%E7%94%B5%E6%B1%A0&mode=equity&priceMin=500000000',
      ),
    );
    // negotiable results cannot be picked by price: no option for them
    expect(screen.queryByTestId('facet-priceBand-negotiable')).toBeNull();
  });

  it('changes the sort and turns to the next page by cursor', async () => {
    renderAt('/search?q=x');
    await screen.findAllByTestId('result-card');
    fireEvent.click(within(screen.getByTestId('sort-tabs')).getByText('价格从低到高'));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/search?q=x&sort=price_asc'),
    );
    window.scrollTo = () => undefined;
    await waitFor(() =>
      expect(screen.getByTestId('page-next').hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByTestId('page-next'));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(
        '/search?q=x&sort=price_asc&cursor=next-1',
      ),
    );
    await waitFor(() => expect(screen.getByText('第 2 页')).toBeTruthy());
    fireEvent.click(screen.getByTestId('page-previous'));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/search?q=x&sort=price_asc'),
    );
  });

  it('searches the typed text on Enter', async () => {
    renderAt('/search');
    await screen.findAllByTestId('result-card');
    const input = within(screen.getByTestId('search-input')).getByRole('combobox');
    fireEvent.change(input, { target: { value: '机器人' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/search?q=%E6%9C%BA%E5%99%A8%E4%BA%BA'),
    );
  });
});
