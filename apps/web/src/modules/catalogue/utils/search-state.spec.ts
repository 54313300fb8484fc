import {
  EMPTY_SEARCH,
  PRICE_BAND_RANGES,
  activeFilterCount,
  nextPage,
  pageHistoryOf,
  pageNumber,
  parseSearchState,
  previousPage,
  searchApiQuery,
  searchHref,
  searchKeyOf,
  searchStateToParams,
  selectedPriceBand,
  toggleFacet,
  togglePriceBand,
  withChange,
  withoutFilters,
  type SearchState,
} from './search-state';

const INSTITUTE = '6071bd4b-f32b-4e10-832a-61bbcb5363c2';

function parse(query: string): SearchState {
  return parseSearchState(new URLSearchParams(query));
}

describe('parseSearchState', () => {
  it('reads every part of a search from the URL', () => {
    expect(
      parse(
        `q=%E7%94%B5%E6%B1%A0&field=energy&field=it&mode=assignment&maturity=pilot` +
          `&region=%E5%8C%97%E4%BA%AC%E5%B8%82&priceMin=10000000&priceMax=49999999` +
          `&institute=${INSTITUTE}&sort=newest&cursor=abc`,
      ),
    ).toEqual({
      q: '电池',
      field: ['it', 'energy'],
      mode: ['assignment'],
      maturity: ['pilot'],
      region: ['北京市'],
      priceMin: 10_000_000,
      priceMax: 49_999_999,
      institute: INSTITUTE,
      sort: 'newest',
      cursor: 'abc',
    });
  });

  it('gives the empty search for an empty URL', () => {
    expect(parse('')).toEqual(EMPTY_SEARCH);
  });

  it('takes comma-separated lists as the api does, each value once', () => {
    expect(parse('field=it,energy&field=it&mode=equity,,assignment').field).toEqual([
      'it',
      'energy',
    ]);
    expect(parse('mode=equity,,assignment').mode).toEqual(['assignment', 'equity']);
  });

  it('leaves out what the api would refuse', () => {
    const state = parse(
      'field=space&mode=gift&maturity=TRL9&priceMin=-5&priceMax=1.5&institute=42' +
        '&sort=cheapest&cursor=&q=' +
        'x'.repeat(150),
    );
    expect(state).toEqual({ ...EMPTY_SEARCH, q: 'x'.repeat(100) });
  });
});

describe('searchStateToParams', () => {
  it('writes arrays as repeated parameters, in one order, without defaults', () => {
    const state: SearchState = {
      ...EMPTY_SEARCH,
      q: ' 电池 ',
      field: ['energy', 'it'],
      region: ['北京市', '北京市', '上海市'],
      priceMin: 0,
    };
    expect(searchStateToParams(state).toString()).toBe(
      'q=%E7%94%B5%E6%B1%A0&field=it&field=energy&region=%E5%8C%97%E4%BA%AC%E5%B8%82' +
        '&region=%E4%B8%8A%E6%B5%B7%E5%B8%82&priceMin=0',
    );
  });

  it('gives back the search it was read from', () => {
    const query =
      `q=robot&field=it&field=energy&mode=sole_licence&maturity=lab&maturity=production` +
      `&region=a&region=b&priceMax=9999999&institute=${INSTITUTE}&sort=price_desc&cursor=c1`;
    expect(searchStateToParams(parse(query)).toString()).toBe(query);
    expect(parse(searchStateToParams(parse(query)).toString())).toEqual(parse(query));
  });

  it('makes hrefs and the api query with its page size', () => {
    expect(searchHref({})).toBe('/search');
    expect(searchHref({ field: ['it'] })).toBe('/search?field=it');
    expect(searchApiQuery({ ...EMPTY_SEARCH, mode: ['equity', 'assignment'] }, 6)).toBe(
      '?mode=assignment&mode=equity&limit=6',
    );
  });

  it('keys the cache by the canonical parameters', () => {
    expect(searchKeyOf({ ...EMPTY_SEARCH, field: ['energy', 'it'], sort: 'newest' })).toEqual({
      field: 'it,energy',
      sort: 'newest',
      limit: '20',
    });
  });
});

describe('changing a search', () => {
  const onPage3: SearchState = { ...EMPTY_SEARCH, q: '电池', cursor: 'page3' };

  it('toggles a facet value and starts from the first page', () => {
    const once = toggleFacet(onPage3, 'field', 'energy');
    expect(once.field).toEqual(['energy']);
    expect(once.cursor).toBeNull();
    expect(toggleFacet(toggleFacet(once, 'field', 'it'), 'field', 'energy').field).toEqual(['it']);
    expect(withChange(onPage3, { sort: 'newest' })).toEqual({
      ...onPage3,
      sort: 'newest',
      cursor: null,
    });
  });

  it('maps price bands to inclusive fen bounds that meet without overlap', () => {
    const ranges = Object.values(PRICE_BAND_RANGES);
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i].priceMin).toBe((ranges[i - 1].priceMax ?? NaN) + 1);
    }
    const picked = togglePriceBand(onPage3, '100k_500k');
    expect([picked.priceMin, picked.priceMax, picked.cursor]).toEqual([
      10_000_000,
      49_999_999,
      null,
    ]);
    expect(selectedPriceBand(picked)).toBe('100k_500k');
    expect(selectedPriceBand(togglePriceBand(picked, 'over_5m'))).toBe('over_5m');
    const cleared = togglePriceBand(picked, '100k_500k');
    expect([cleared.priceMin, cleared.priceMax]).toEqual([null, null]);
    expect(selectedPriceBand({ ...EMPTY_SEARCH, priceMin: 5, priceMax: 9 })).toBeNull();
  });

  it('counts and clears filters but keeps the query and sort', () => {
    const state = parse(
      `q=a&field=it&field=energy&mode=equity&region=x&priceMin=1&institute=${INSTITUTE}&sort=newest&cursor=c`,
    );
    expect(activeFilterCount(state)).toBe(6);
    expect(withoutFilters(state)).toEqual({ ...EMPTY_SEARCH, q: 'a', sort: 'newest' });
    expect(activeFilterCount(withoutFilters(state))).toBe(0);
  });
});

describe('keyset pages', () => {
  const first: SearchState = { ...EMPTY_SEARCH, q: '电池' };

  it('walks forward and back through the cursors', () => {
    const second = nextPage(first, 'c2', { previous: [] });
    expect(second.state.cursor).toBe('c2');
    expect(pageNumber(second.state, second.history)).toBe(2);
    const third = nextPage(second.state, 'c3', second.history);
    expect(third.history.previous).toEqual([null, 'c2']);
    expect(pageNumber(third.state, third.history)).toBe(3);
    const back = previousPage(third.state, third.history);
    expect(back).toEqual(second);
    const start = previousPage(back.state, back.history);
    expect(start.state).toEqual(first);
    expect(pageNumber(start.state, start.history)).toBe(1);
  });

  it('goes back to the first page from a shared deep link', () => {
    const shared = { ...first, cursor: 'c7' };
    const history = pageHistoryOf(null);
    expect(pageNumber(shared, history)).toBeNull();
    expect(previousPage(shared, history).state).toEqual(first);
  });

  it('reads only well-formed history state', () => {
    expect(pageHistoryOf({ previous: [null, 'a', 3] })).toEqual({ previous: [null, 'a'] });
    expect(pageHistoryOf({ previous: 'a' })).toEqual({ previous: [] });
    expect(pageHistoryOf('x')).toEqual({ previous: [] });
  });
});
