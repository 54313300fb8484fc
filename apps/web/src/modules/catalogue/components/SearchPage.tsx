import { CloseOutlined, FilterOutlined } from '@ant-design/icons';
import { SEARCH_SORTS, type SearchSort } from '@kepai/contracts';
import { Badge, Button, Drawer, Empty, Grid, Skeleton, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { QueryState } from '../../../ui/QueryState';
import { formatFen } from '../../../lib/money';
import { useSearchResults } from '../hooks/useSearch';
import {
  activeFilterCount,
  nextPage,
  pageHistoryOf,
  pageNumber,
  parseSearchState,
  previousPage,
  searchHref,
  searchStateToParams,
  selectedPriceBand,
  toggleFacet,
  withChange,
  withoutFilters,
  type PageHistory,
  type SearchState,
} from '../utils/search-state';
import { FacetPanel } from './FacetPanel';
import { ResultCard } from './ResultCard';
import { SearchBox } from './SearchBox';
import '../catalogue.css';

/** The picked filters as closable chips, each removing itself. */
function ActiveFilters({
  state,
  institutes,
  onChange,
}: {
  state: SearchState;
  institutes: Map<string, string>;
  onChange: (next: SearchState) => void;
}) {
  const { t, i18n } = useTranslation();
  const chips: Array<{ key: string; label: string; next: SearchState }> = [
    ...state.field.map((value) => ({
      key: `field-${value}`,
      label: t(`fields.${value}`),
      next: toggleFacet(state, 'field', value),
    })),
    ...state.mode.map((value) => ({
      key: `mode-${value}`,
      label: t(`modes.${value}`),
      next: toggleFacet(state, 'mode', value),
    })),
    ...state.maturity.map((value) => ({
      key: `maturity-${value}`,
      label: t(`maturity.${value}`),
      next: toggleFacet(state, 'maturity', value),
    })),
    ...state.region.map((value) => ({
      key: `region-${value}`,
      label: value,
      next: toggleFacet(state, 'region', value),
    })),
  ];
  if (state.priceMin !== null || state.priceMax !== null) {
    const band = selectedPriceBand(state);
    const from = state.priceMin === null ? '' : formatFen(state.priceMin, i18n.language);
    const to = state.priceMax === null ? '' : formatFen(state.priceMax, i18n.language);
    chips.push({
      key: 'price',
      label: band !== null ? t(`catalogue.priceBand.${band}`) : `${from} – ${to}`,
      next: withChange(state, { priceMin: null, priceMax: null }),
    });
  }
  if (state.institute !== null) {
    chips.push({
      key: 'institute',
      label: institutes.get(state.institute) ?? t('catalogue.facets.unknownInstitute'),
      next: withChange(state, { institute: null }),
    });
  }
  if (chips.length === 0) return null;
  return (
    <div className="active-filters" data-testid="active-filters">
      <span className="active-filters-title">{t('catalogue.search.picked')}</span>
      {chips.map((chip) => (
        <Button
          key={chip.key}
          size="small"
          className="filter-chip"
          aria-label={t('catalogue.search.removeFilter', { name: chip.label })}
          onClick={() => onChange(chip.next)}
        >
          {chip.label}
          <CloseOutlined aria-hidden="true" />
        </Button>
      ))}
      <Button type="link" size="small" onClick={() => onChange(withoutFilters(state))}>
        {t('catalogue.search.clearFilters')}
      </Button>
    </div>
  );
}

/**
 * The catalogue (/search): query with suggestions, facets with counts, sort tabs, result cards and
 * keyset pages. The whole search is the URL, so it can be shared and the back button walks back
 * through it; on a phone the facets fold into a drawer.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.md === true;
  const [drawer, setDrawer] = useState(false);
  const parsed = useMemo(() => parseSearchState(params), [params]);
  // The router commits a new URL in a transition, a moment after the address bar shows it (longer
  // while answers keep arriving). The search asked for is shown at once, while the address bar
  // shows it and the router has yet to catch up: never a page that disagrees with its URL.
  const [asked, setAsked] = useState<SearchState | null>(null);
  const askedSearch = asked === null ? null : searchStateToParams(asked).toString();
  const state =
    asked !== null &&
    askedSearch === new URLSearchParams(window.location.search).toString() &&
    askedSearch !== params.toString()
      ? asked
      : parsed;
  const pages = pageHistoryOf(location.state);
  const query = useSearchResults(state);
  // results of an earlier search are never shown as this one's
  const data = query.isPlaceholderData ? undefined : query.data;

  const go = (next: SearchState, history: PageHistory = { previous: [] }) => {
    void navigate(searchHref(next), { state: history });
    flushSync(() => setAsked(next));
  };
  const turn = (to: { state: SearchState; history: PageHistory }) => {
    go(to.state, to.history);
    window.scrollTo({ top: 0 });
  };

  const facets = query.data?.facets;
  const total = data?.total;
  const institutes = new Map(
    (facets?.institute ?? []).map((count) => [count.value, count.label ?? count.value]),
  );
  const filters = activeFilterCount(state);
  const panel = <FacetPanel state={state} facets={facets} onChange={(next) => go(next)} />;
  const page = pageNumber(state, pages);

  return (
    <div className="search-page">
      <h1 className="page-title">{t('catalogue.search.title')}</h1>
      <SearchBox key={state.q} initial={state.q} onSubmit={(q) => go(withChange(state, { q }))} />
      <div className="search-layout">
        {wide && (
          <aside className="search-facets" aria-label={t('catalogue.facets.title')}>
            {panel}
          </aside>
        )}
        <section className="search-results" aria-label={t('catalogue.search.resultsLabel')}>
          <div className="search-toolbar">
            {!wide && (
              <Badge count={filters} size="small">
                <Button
                  icon={<FilterOutlined />}
                  onClick={() => setDrawer(true)}
                  aria-expanded={drawer}
                  data-testid="facets-toggle"
                >
                  {t('catalogue.facets.title')}
                </Button>
              </Badge>
            )}
            <span
              className="search-total"
              data-testid="search-total"
              data-total={total}
              aria-live="polite"
            >
              {total !== undefined
                ? t('catalogue.search.total', { count: total })
                : t('common.loading')}
            </span>
          </div>
          <div data-testid="sort-tabs">
            <Tabs
              className="sort-tabs"
              activeKey={state.sort}
              onChange={(key) => {
                const sort = SEARCH_SORTS.find((known) => known === key);
                if (sort !== undefined) go(withChange(state, { sort: sort satisfies SearchSort }));
              }}
              items={SEARCH_SORTS.map((sort) => ({
                key: sort,
                label: t(`catalogue.sort.${sort}`),
              }))}
            />
          </div>
          <ActiveFilters state={state} institutes={institutes} onChange={(next) => go(next)} />
          {state.sort === 'closing_soon' && (
            <p className="search-note">{t('catalogue.search.closingSoonNote')}</p>
          )}
          <QueryState
            query={query}
            isEmpty={(answer) => answer.items.length === 0}
            empty={
              <Empty description={t('catalogue.search.empty')}>
                {filters > 0 && (
                  <Button onClick={() => go(withoutFilters(state))}>
                    {t('catalogue.search.clearFilters')}
                  </Button>
                )}
              </Empty>
            }
          >
            {(answer) =>
              data === undefined ? (
                <Skeleton active aria-busy="true" paragraph={{ rows: 6 }} />
              ) : (
                <div className="result-list" aria-busy={query.isFetching}>
                  {answer.items.map((item) => (
                    <ResultCard key={item.id} item={item} headingLevel={2} />
                  ))}
                  <nav className="cat-pager" aria-label={t('catalogue.search.pages')}>
                    <Button
                      disabled={state.cursor === null}
                      onClick={() => turn(previousPage(state, pages))}
                      data-testid="page-previous"
                    >
                      {page === null
                        ? t('catalogue.search.firstPage')
                        : t('catalogue.search.previous')}
                    </Button>
                    {page !== null && (
                      <span className="cat-pager-number">
                        {t('catalogue.search.page', { page })}
                      </span>
                    )}
                    <Button
                      type="primary"
                      ghost
                      disabled={answer.nextCursor === undefined}
                      onClick={() => {
                        if (answer.nextCursor !== undefined)
                          turn(nextPage(state, answer.nextCursor, pages));
                      }}
                      data-testid="page-next"
                    >
                      {t('catalogue.search.next')}
                    </Button>
                  </nav>
                </div>
              )
            }
          </QueryState>
        </section>
      </div>
      {!wide && (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={320}
          title={t('catalogue.facets.title')}
          footer={
            <Button type="primary" block onClick={() => setDrawer(false)}>
              {total !== undefined
                ? t('catalogue.facets.show', { count: total })
                : t('common.loading')}
            </Button>
          }
        >
          {panel}
        </Drawer>
      )}
    </div>
  );
}
