import {
  FIELDS,
  MATURITIES,
  SEARCH_SORTS,
  TRANSACTION_MODES,
  type Fen,
  type Field,
  type Maturity,
  type PriceBand,
  type SearchSort,
  type TransactionMode,
} from '@kepai/contracts';

/**
 * A catalogue search as the page holds it. All of it lives in the URL (`/search?q=电池&field=
 * energy&field=it&sort=newest&cursor=…`), so a search can be shared and the back button works;
 * the URL parameters are the api's own (GET /search/results), arrays as repeated parameters.
 */
export interface SearchState {
  q: string;
  field: Field[];
  mode: TransactionMode[];
  maturity: Maturity[];
  region: string[];
  /** Inclusive bounds in fen; a bound filters out negotiable (面议) results. */
  priceMin: Fen | null;
  priceMax: Fen | null;
  /** One institute's id. */
  institute: string | null;
  sort: SearchSort;
  /** The keyset cursor of the page shown; null on the first page. */
  cursor: string | null;
}

export const EMPTY_SEARCH: SearchState = {
  q: '',
  field: [],
  mode: [],
  maturity: [],
  region: [],
  priceMin: null,
  priceMax: null,
  institute: null,
  sort: 'relevance',
  cursor: null,
};

/** Results per page. */
export const PAGE_SIZE = 20;

/** The facets a person may pick several values of; the api takes them as arrays. */
export const MULTI_FACETS = ['field', 'mode', 'maturity', 'region'] as const;
export type MultiFacet = (typeof MULTI_FACETS)[number];

// the api's limits (SearchQueryDto): longer values are refused, so they never leave the page
const MAX_Q = 100;
const MAX_REGIONS = 20;
const MAX_REGION = 64;
const MAX_CURSOR = 200;
const MAX_FEN = Number.MAX_SAFE_INTEGER;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The price bands of the facet as inclusive fen bounds. They mirror PRICE_BAND_EDGES of the api's
 * search service ([from, to) in fen); "negotiable" has no bounds because a price filter always
 * leaves out results without a price.
 */
export const PRICE_BAND_RANGES: Record<
  Exclude<PriceBand, 'negotiable'>,
  { priceMin: Fen | null; priceMax: Fen | null }
> = {
  under_100k: { priceMin: null, priceMax: 9_999_999 },
  '100k_500k': { priceMin: 10_000_000, priceMax: 49_999_999 },
  '500k_1m': { priceMin: 50_000_000, priceMax: 99_999_999 },
  '1m_5m': { priceMin: 100_000_000, priceMax: 499_999_999 },
  over_5m: { priceMin: 500_000_000, priceMax: null },
};

export type FilterableBand = keyof typeof PRICE_BAND_RANGES;

export function isFilterableBand(band: PriceBand): band is FilterableBand {
  return band !== 'negotiable';
}

/** Every value of a parameter, repeated (`a=1&a=2`) or comma-separated (`a=1,2`), trimmed. */
function listOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Known values only, each once, in the order of `known` (one URL per search). */
function enumList<T extends string>(values: readonly string[], known: readonly T[]): T[] {
  const wanted = new Set(values);
  return known.filter((value) => wanted.has(value));
}

function fenOf(value: string | null): Fen | null {
  if (value === null || !/^\d{1,16}$/.test(value)) return null;
  const fen = Number(value);
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : null;
}

/**
 * The search a URL describes. Whatever the api would refuse (an unknown field, an institute
 * that is not an id, a negative price) is left out, so a mistyped or stale link still searches.
 */
export function parseSearchState(params: URLSearchParams): SearchState {
  const sort = params.get('sort');
  const institute = params.get('institute');
  const cursor = params.get('cursor');
  const regions = [...new Set(listOf(params, 'region'))]
    .filter((region) => region.length <= MAX_REGION)
    .slice(0, MAX_REGIONS);
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_Q),
    field: enumList(listOf(params, 'field'), FIELDS),
    mode: enumList(listOf(params, 'mode'), TRANSACTION_MODES),
    maturity: enumList(listOf(params, 'maturity'), MATURITIES),
    region: regions,
    priceMin: fenOf(params.get('priceMin')),
    priceMax: fenOf(params.get('priceMax')),
    institute: institute !== null && UUID.test(institute) ? institute.toLowerCase() : null,
    sort: SEARCH_SORTS.find((known) => known === sort) ?? 'relevance',
    cursor: cursor !== null && cursor !== '' && cursor.length <= MAX_CURSOR ? cursor : null,
  };
}

/**
 * The URL parameters of a search, in one fixed order and without defaults, so one search has one
 * URL (and one cache entry). The same parameters are the api's query.
 */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q !== '') params.set('q', q);
  for (const value of enumList(state.field, FIELDS)) params.append('field', value);
  for (const value of enumList(state.mode, TRANSACTION_MODES)) params.append('mode', value);
  for (const value of enumList(state.maturity, MATURITIES)) params.append('maturity', value);
  for (const value of new Set(state.region)) params.append('region', value);
  if (state.priceMin !== null) params.set('priceMin', String(state.priceMin));
  if (state.priceMax !== null) params.set('priceMax', String(state.priceMax));
  if (state.institute !== null) params.set('institute', state.institute);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.cursor !== null) params.set('cursor', state.cursor);
  return params;
}

/** `/search?…` for a search. */
export function searchHref(state: Partial<SearchState>): string {
  const text = searchStateToParams({ ...EMPTY_SEARCH, ...state }).toString();
  return text === '' ? '/search' : `/search?${text}`;
}

/** The api's query string (with the page size) for GET /search/results. */
export function searchApiQuery(state: SearchState, limit = PAGE_SIZE): string {
  const params = searchStateToParams(state);
  params.set('limit', String(limit));
  return `?${params.toString()}`;
}

/** The query key's description of a search: its canonical parameters as one string each. */
export function searchKeyOf(state: SearchState, limit = PAGE_SIZE): Record<string, string> {
  const key: Record<string, string> = {};
  const params = searchStateToParams(state);
  for (const name of new Set(params.keys())) key[name] = params.getAll(name).join(',');
  key['limit'] = String(limit);
  return key;
}

/** Any change of what is searched starts again from the first page. */
export function withChange(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, ...change, cursor: change.cursor ?? null };
}

/** Adds the value when absent, removes it when present. */
export function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

/** The search with one value of a multi-select facet switched on or off. */
export function toggleFacet(state: SearchState, facet: MultiFacet, value: string): SearchState {
  const values: readonly string[] = state[facet];
  return withChange(state, { [facet]: toggled(values, value) } as Partial<SearchState>);
}

/** The band whose bounds the search's price bounds are exactly, if any. */
export function selectedPriceBand(state: SearchState): FilterableBand | null {
  for (const [band, range] of Object.entries(PRICE_BAND_RANGES) as Array<
    [FilterableBand, (typeof PRICE_BAND_RANGES)[FilterableBand]]
  >) {
    if (range.priceMin === state.priceMin && range.priceMax === state.priceMax) return band;
  }
  return null;
}

/** Picking the band that is picked clears the price filter; another band replaces it. */
export function togglePriceBand(state: SearchState, band: FilterableBand): SearchState {
  if (selectedPriceBand(state) === band)
    return withChange(state, { priceMin: null, priceMax: null });
  return withChange(state, PRICE_BAND_RANGES[band]);
}

/** How many filters are on (the query and the sort are not filters). */
export function activeFilterCount(state: SearchState): number {
  return (
    state.field.length +
    state.mode.length +
    state.maturity.length +
    state.region.length +
    (state.priceMin !== null || state.priceMax !== null ? 1 : 0) +
    (state.institute !== null ? 1 : 0)
  );
}

/** The same query and sort with every filter off. */
export function withoutFilters(state: SearchState): SearchState {
  return { ...EMPTY_SEARCH, q: state.q, sort: state.sort };
}

/**
 * Keyset pages cannot be counted backwards, so the cursors of the pages before this one travel
 * in the browser history's state (the URL holds only the current cursor): going back a page pops
 * the last one; a shared link without them can still go back to the first page.
 */
export interface PageHistory {
  previous: Array<string | null>;
}

export function pageHistoryOf(value: unknown): PageHistory {
  if (typeof value !== 'object' || value === null) return { previous: [] };
  const previous = (value as { previous?: unknown }).previous;
  if (!Array.isArray(previous)) return { previous: [] };
  return {
    previous: previous.filter(
      (item): item is string | null => item === null || typeof item === 'string',
    ),
  };
}

/** The next page: its cursor in the URL, this page's cursor pushed onto the history. */
export function nextPage(
  state: SearchState,
  nextCursor: string,
  history: PageHistory,
): { state: SearchState; history: PageHistory } {
  return {
    state: { ...state, cursor: nextCursor },
    history: { previous: [...history.previous, state.cursor] },
  };
}

/** The page before: the last cursor of the history, or the first page when none is known. */
export function previousPage(
  state: SearchState,
  history: PageHistory,
): { state: SearchState; history: PageHistory } {
  const previous = history.previous.slice(0, -1);
  const cursor = history.previous.length > 0 ? (history.previous.at(-1) ?? null) : null;
  return { state: { ...state, cursor }, history: { previous } };
}

/** The page number (1-based) as far as the history knows it; null for a shared deep page. */
export function pageNumber(state: SearchState, history: PageHistory): number | null {
  if (state.cursor === null) return 1;
  return history.previous.length > 0 ? history.previous.length + 1 : null;
}
