import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { setupI18n } from '../../../i18n/i18n';
import { AuditPage } from './AuditPage';

const i18n = setupI18n('zh-CN');

function showFilter() {
  globalThis.fetch = (() =>
    Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve({ items: [] }),
    } as Response)) as typeof fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/console/admin/audit']}>
          <AuditPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
  // jsdom is narrow: the filter sits in a panel that opens on a click
  fireEvent.click(screen.getByRole('button', { expanded: false }));
}

/** The hints of the filter's fields, in order (an input's placeholder or a select's). */
function placeholders(): string[] {
  const form = screen.getByTestId('audit-filter');
  return [...form.querySelectorAll('input[placeholder], [class*="placeholder"]')].map(
    (hint) => hint.getAttribute('placeholder') ?? hint.textContent ?? '',
  );
}

describe('AuditPage filter', () => {
  afterEach(async () => {
    cleanup();
    await act(() => i18n.changeLanguage('zh-CN'));
  });

  it('gives every hint in Chinese, with the codes only as examples', async () => {
    showFilter();
    await screen.findByTestId('audit-filter');
    expect(placeholders()).toEqual([
      '如 result.approve',
      '完整的 ID（UUID）',
      '完整的 ID（UUID）',
      '如 result',
    ]);
  });

  it('gives every hint in English', async () => {
    await act(() => i18n.changeLanguage('en'));
    showFilter();
    await screen.findByTestId('audit-filter');
    expect(placeholders()).toEqual([
      'e.g. result.approve',
      'The full ID (a UUID)',
      'The full ID (a UUID)',
      'e.g. result',
    ]);
  });
});
