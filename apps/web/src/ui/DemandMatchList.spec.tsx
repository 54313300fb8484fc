import { render, screen, within } from '@testing-library/react';
import type { DemandMatch, DemandView, SearchResultItem } from '@kepai/contracts';
import { setupI18n } from '../i18n/i18n';

const { MemoryRouter } = await import('react-router');
const { DemandMatchList } = await import('./DemandMatchList');
const { DemandFacts } = await import('./DemandFacts');

setupI18n('zh-CN');

function result(id: string, title: string): SearchResultItem {
  return {
    id,
    title,
    field: 'energy',
    askingPrice: 10_000_000,
    institute: { id: 'i1', name: '东海理工大学' },
  } as SearchResultItem;
}

const linked = {
  brokerId: 'b1',
  brokerName: '李经纪',
  note: '指标吻合',
  at: '2026-11-22T02:00:00.000Z',
};
const matches: DemandMatch[] = [
  { result: result('r1', '锂硫电池正极'), score: 0.4 },
  { result: result('r2', '固态电解质'), score: 0.2 },
  { result: result('r3', '电池回收工艺'), score: 0, linkedBy: linked },
];

function renderList(props: Partial<Parameters<typeof DemandMatchList>[0]> = {}) {
  render(
    <MemoryRouter>
      <DemandMatchList matches={matches} {...props} />
    </MemoryRouter>,
  );
  return screen.getAllByTestId('match-row');
}

describe('DemandMatchList', () => {
  it('shows each match with how well it fits, and who recommended it with what note', () => {
    const rows = renderList();
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByRole('link', { name: '锂硫电池正极' }).getAttribute('href')).toBe(
      '/results/r1',
    );
    expect(within(rows[0]).getByText('匹配度 100%')).toBeTruthy();
    expect(within(rows[1]).getByText('匹配度 50%')).toBeTruthy();
    expect(within(rows[2]).queryByText(/匹配度/)).toBeNull();
    expect(within(rows[2]).getByText('李经纪 推荐')).toBeTruthy();
    expect(rows[0].textContent).toContain('东海理工大学 · 新能源 · ¥10万');
    const footer = rows[2].querySelector('blockquote footer')?.textContent ?? '';
    expect(footer).toMatch(/^2026年11月22日/);
  });

  it('shows only the first few, scored against all, signs notes and offers an action', () => {
    const rows = renderList({
      limit: 2,
      signNotes: true,
      action: (match) => <button type="button">{`推荐 ${match.result.title}`}</button>,
    });
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getByText('匹配度 50%')).toBeTruthy();
    expect(within(rows[0]).getByRole('button', { name: '推荐 锂硫电池正极' })).toBeTruthy();
  });

  it('names the broker under a note when asked to', () => {
    const rows = renderList({ signNotes: true });
    expect(rows[2].querySelector('blockquote footer')?.textContent).toMatch(/^李经纪 · 2026年/);
  });
});

describe('DemandFacts', () => {
  const demand = {
    id: 'd1',
    title: '储能电池',
    description: '',
    field: 'energy',
    budget: 50_000_000,
    deadline: '2026-12-31',
    enterprise: { id: 'e1', name: '明湖智能' },
    status: 'open',
    createdAt: '2026-11-22T02:00:00.000Z',
  } as DemandView;

  it('says the field, budget, deadline and when it was posted, and whose it is when asked', () => {
    const { container, rerender } = render(<DemandFacts demand={demand} withEnterprise />);
    expect(container.textContent).toMatch(/^明湖智能 · 新能源 · ¥50万 · 截止 2026-12-31 · 2026年/);
    rerender(<DemandFacts demand={{ ...demand, budget: undefined, deadline: undefined }} />);
    expect(container.textContent).toMatch(/^新能源 · 预算面议 · 2026年/);
  });
});
