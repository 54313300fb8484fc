import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, Clock, KEPAI_CONFIG, type KepaiConfig } from '@kepai/api-core';
import type {
  Field,
  Maturity,
  PriceBand,
  SearchFacets,
  SearchResponse,
  SearchResultItem,
  SearchSort,
  SuggestResponse,
  TransactionMode,
} from '@kepai/contracts';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { highlightText, parseQuery, type ParsedQuery } from './tokenizer';

export interface SearchQuery {
  q?: string;
  field?: Field[];
  mode?: TransactionMode[];
  maturity?: Maturity[];
  region?: string[];
  priceMin?: number;
  priceMax?: number;
  institute?: string;
  sort?: SearchSort;
  cursor?: string;
  limit?: number;
}

/** Price bands of the facet, in fen: [band, from (inclusive), to (exclusive)]. */
export const PRICE_BAND_EDGES: Array<[PriceBand, number, number]> = [
  ['under_100k', 0, 10_000_000],
  ['100k_500k', 10_000_000, 50_000_000],
  ['500k_1m', 50_000_000, 100_000_000],
  ['1m_5m', 100_000_000, 500_000_000],
  ['over_5m', 500_000_000, Number.MAX_SAFE_INTEGER],
];

const PRICE_BAND_SQL = `CASE WHEN asking_price IS NULL THEN 'negotiable' ${PRICE_BAND_EDGES.map(
  ([band, from, to]) => `WHEN asking_price >= ${from} AND asking_price < ${to} THEN '${band}'`,
).join(' ')} END`;

/**
 * Popularity: favourites count most, views a little, both with diminishing returns, and damped so
 * that it orders results of similar text relevance but never lifts a passing mention in a
 * description above a result with the words in its title (a factor of 1 to about 2).
 */
const POPULARITY = `(1 + 0.1 * ln(1 + favourite_count * 3 + view_count * 0.1::float8))`;

interface PageRow {
  id: string;
  title: string;
  summary: string;
  institute_id: string;
  institute_name: string;
  field: Field;
  maturity: Maturity;
  transaction_modes: TransactionMode[];
  asking_price: string | number | null;
  region: string;
  published_at: string;
  view_count: number;
  favourite_count: number;
  score: number;
}

/** One matching result of a text search, as kept in the cache to page through in memory. */
interface Hit {
  id: string;
  score: number;
  /** UTC, microseconds, fixed width: compares as a string the way the timestamp compares. */
  publishedKey: string;
  price: number | null;
}

/** What a search costs to count: total and facets, and for a text search every hit ranked. */
interface Counted {
  generation: string;
  total: number;
  facets: SearchFacets;
  hits: Hit[] | null;
  sorted: Partial<Record<keyof typeof HIT_ORDER, Hit[]>>;
}

type FilterName = 'field' | 'mode' | 'maturity' | 'region' | 'price' | 'institute';

const SEARCHABLE = `r.status IN ('published', 'in_auction')`;
const PUBLISHED_KEY = `to_char(r.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const PUBLISHED_KEY_FORMAT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
/**
 * A lot taking bids at `at` (the auctions' table, read by name: the catalogue does not depend on
 * the auction library, which depends on it).
 */
const openLot = (at: string): string =>
  `l.status IN ('scheduled', 'open') AND l.opens_at <= ${at}::timestamptz AND l.closes_at > ${at}::timestamptz`;
const EMPTY_FACETS: SearchFacets = {
  field: [],
  mode: [],
  maturity: [],
  region: [],
  priceBand: [],
  institute: [],
};

/** Keyset order of cached hits, the same as the SQL orders (ids compare like uuids). */
const byId = (a: Hit, b: Hit): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const nullsLast = (a: Hit, b: Hit, order: (x: number, y: number) => number): number =>
  a.price === null ? (b.price === null ? 0 : 1) : b.price === null ? -1 : order(a.price, b.price);
const HIT_ORDER: Record<Exclude<SearchSort, 'closing_soon'>, (a: Hit, b: Hit) => number> = {
  relevance: (a, b) => b.score - a.score || byId(b, a),
  newest: (a, b) =>
    (a.publishedKey < b.publishedKey ? 1 : a.publishedKey > b.publishedKey ? -1 : 0) || byId(b, a),
  price_asc: (a, b) => nullsLast(a, b, (x, y) => x - y) || byId(a, b),
  price_desc: (a, b) => nullsLast(a, b, (x, y) => y - x) || byId(a, b),
};

type CursorKey = [number | string | null, string];

function encodeCursor(sort: SearchSort, key: CursorKey): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor's sort key must be what that sort orders by, or the SQL cast would fail. */
function keyFits(sort: SearchSort, value: unknown): boolean {
  if (sort === 'relevance') return typeof value === 'number' && Number.isFinite(value);
  if (sort === 'newest' || sort === 'closing_soon')
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && value.length <= 40;
  return value === null || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);
}

function decodeCursor(sort: SearchSort, cursor: string): CursorKey {
  try {
    const [cursorSort, value, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as [unknown, unknown, unknown];
    if (cursorSort === sort && keyFits(sort, value) && typeof id === 'string' && UUID.test(id))
      return [value as CursorKey[0], id];
  } catch {
    // fall through to the refusal
  }
  throw new AppException(
    'INVALID_INPUT',
    'cursor is not one this search gave out (or the sort changed)',
  );
}

/** A hit standing where a cursor points, to find the first hit after it. */
function cursorHit(sort: SearchSort, [value, id]: CursorKey): Hit {
  return {
    id,
    score: sort === 'relevance' ? Number(value) : 0,
    publishedKey:
      sort !== 'newest'
        ? ''
        : PUBLISHED_KEY_FORMAT.test(String(value))
          ? String(value)
          : new Date(String(value)).toISOString().replace('Z', '000Z'),
    price: sort === 'price_asc' || sort === 'price_desc' ? (value as number | null) : null,
  };
}

/**
 * The catalogue search of DESIGN §5: CJK bigrams and Latin words against a GIN-indexed tsvector,
 * typo-tolerant Latin words through pg_trgm, facet counts that each honour every other active
 * filter, four sorts, keyset pagination and highlights.
 *
 * Counting is the expensive part (every matching row, six ways), so the total, the facets and, for
 * a text search, the ranked hits are computed in one statement and kept in memory under the
 * catalogue generation, which the database moves whenever a searchable result or a counted column
 * changes: a cached count is never older than the catalogue. A ranking also carries popularity,
 * which moves with every view, so it is recomputed at least every minute. Pages of a text search
 * come from the cached hits; filter-only pages are read through the partial indexes of each sort.
 */
@Injectable()
export class SearchService {
  private readonly cache = new LRUCache<string, Counted>({
    max: 2_000,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (entry) => 2_048 + (entry.hits?.length ?? 0) * 160,
  });
  private readonly filling = new Map<string, Promise<Counted>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
    private readonly clock: Clock,
  ) {}

  /** Latin words that are not indexed anywhere get the closest indexed terms (trigrams). */
  private async expansions(words: string[]): Promise<Record<string, string[]>> {
    const candidates = words.filter((word) => word.length >= 4 && !/^\d+$/.test(word));
    if (candidates.length === 0) return {};
    const rows: Array<{ word: string; term: string }> = await this.dataSource.query(
      `SELECT w.word, t.term
         FROM unnest($1::text[]) AS w(word)
         CROSS JOIN LATERAL (
           SELECT term FROM search_term
            WHERE term % w.word AND NOT EXISTS (SELECT 1 FROM search_term k WHERE k.term = w.word)
            ORDER BY similarity(term, w.word) DESC, term LIMIT 3) t`,
      [candidates],
    );
    const result: Record<string, string[]> = {};
    for (const row of rows) (result[row.word] ??= []).push(row.term);
    return result;
  }

  private async parse(q: string | undefined): Promise<ParsedQuery | null> {
    if (q === undefined || q.trim() === '') return null;
    const plain = parseQuery(q);
    return plain.latin.length > 0 ? parseQuery(q, await this.expansions(plain.latin)) : plain;
  }

  /** The SQL condition of each filter (true when not set), with its parameters. */
  private filters(
    query: SearchQuery,
    param: (value: unknown) => string,
  ): Record<FilterName, string> {
    return {
      field: query.field?.length ? `r.field = ANY(${param(query.field)}::text[])` : 'true',
      mode: query.mode?.length ? `r.transaction_modes && ${param(query.mode)}::text[]` : 'true',
      maturity: query.maturity?.length
        ? `r.maturity = ANY(${param(query.maturity)}::text[])`
        : 'true',
      region: query.region?.length ? `r.region = ANY(${param(query.region)}::text[])` : 'true',
      price:
        query.priceMin !== undefined || query.priceMax !== undefined
          ? [
              query.priceMin !== undefined
                ? `r.asking_price >= ${param(query.priceMin)}::bigint`
                : 'r.asking_price IS NOT NULL',
              query.priceMax !== undefined
                ? `r.asking_price <= ${param(query.priceMax)}::bigint`
                : 'true',
            ].join(' AND ')
          : 'true',
      institute:
        query.institute !== undefined ? `r.institute_id = ${param(query.institute)}::uuid` : 'true',
    };
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    const sort: SearchSort = query.sort ?? 'relevance';
    const limit = query.limit ?? 20;
    const cursor = query.cursor !== undefined ? decodeCursor(sort, query.cursor) : null;
    const parsed = await this.parse(query.q);
    if (query.q !== undefined && query.q.trim() !== '' && parsed?.tsquery === null)
      return { items: [], facets: EMPTY_FACETS, total: 0 };
    const tsquery = parsed?.tsquery ?? null;
    if (sort === 'closing_soon') return this.closingSoon(query, tsquery, parsed, cursor, limit);
    const counted = await this.counted(query, tsquery);

    let rows: PageRow[];
    let more: boolean;
    if (counted.hits !== null) {
      const sorted = (counted.sorted[sort] ??= [...counted.hits].sort(HIT_ORDER[sort]));
      let from = 0;
      if (cursor !== null) {
        const at = cursorHit(sort, cursor);
        while (from < sorted.length && HIT_ORDER[sort](sorted[from], at) <= 0) from++;
      }
      const page = sorted.slice(from, from + limit);
      more = from + limit < sorted.length;
      rows = await this.cards(page);
    } else {
      const page = await this.indexPage(query, sort, cursor, limit + 1);
      more = page.length > limit;
      rows = page.slice(0, limit);
    }

    const terms = parsed?.highlight ?? [];
    const response: SearchResponse = {
      items: rows.map((row) => this.item(row, terms)),
      total: counted.total,
      facets: counted.facets,
    };
    const last = rows[rows.length - 1];
    if (more && last !== undefined) {
      const key: CursorKey[0] =
        sort === 'relevance'
          ? Number(last.score)
          : sort === 'newest'
            ? last.published_at
            : last.asking_price === null
              ? null
              : Number(last.asking_price);
      response.nextCursor = encodeCursor(sort, [key, last.id]);
    }
    return response;
  }

  /** Total, facets and (text searches) ranked hits: from the cache when the catalogue has not moved. */
  private async counted(query: SearchQuery, tsquery: string | null): Promise<Counted> {
    const [{ value: generation }]: Array<{ value: string }> = await this.dataSource.query(
      `SELECT value::text AS value FROM catalogue_generation WHERE id = 1`,
    );
    const set = (values: string[] | undefined): string[] => [...new Set(values ?? [])].sort();
    const key = JSON.stringify([
      generation,
      tsquery,
      set(query.field),
      set(query.mode),
      set(query.maturity),
      set(query.region),
      query.priceMin ?? null,
      query.priceMax ?? null,
      query.institute ?? null,
    ]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    // concurrent searches for the same thing wait for one count
    let pending = this.filling.get(key);
    if (pending === undefined) {
      pending = this.count(query, tsquery).finally(() => this.filling.delete(key));
      this.filling.set(key, pending);
      const counted = await pending;
      // stored under the generation its own snapshot read, which is never older than the key's;
      // a ranking (which carries popularity) only for KEPAI_SEARCH_RANKING_SECONDS
      const rankingMs = this.config.searchRankingSeconds * 1000;
      if (counted.generation === generation && (counted.hits === null || rankingMs > 0))
        this.cache.set(key, counted, { ttl: counted.hits === null ? 0 : rankingMs });
      return counted;
    }
    return pending;
  }

  private async count(
    query: SearchQuery,
    tsquery: string | null,
    openLotAt: Date | null = null,
  ): Promise<Counted> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const q = tsquery !== null ? param(tsquery) : null;
    const filters = this.filters(query, param);
    const names = Object.keys(filters) as FilterName[];
    const except = (skip: FilterName): string =>
      names
        .filter((name) => name !== skip)
        .map((name) => `f_${name}`)
        .join(' AND ');
    const facet = (
      select: string,
      from: string,
      skip: FilterName,
      group: string,
      top = '',
    ): string =>
      `(SELECT coalesce(json_agg(x), '[]'::json) FROM (
         SELECT ${select}, count(*)::int AS count FROM ${from} WHERE ${except(skip)}
          GROUP BY ${group} ORDER BY count DESC, value ${top}) x)`;
    const sql = `
      WITH base AS MATERIALIZED (
        SELECT r.id, r.institute_id, r.field, r.maturity, r.transaction_modes, r.region, r.asking_price,
               ${q !== null ? `ts_rank(r.search_vector, ${q}::tsquery) * ${POPULARITY} AS score, ${PUBLISHED_KEY} AS published_key,` : ''}
               ${names.map((name) => `${filters[name]} AS f_${name}`).join(', ')}
          FROM result r
         WHERE ${SEARCHABLE}${q !== null ? ` AND r.search_vector @@ ${q}::tsquery` : ''}${
           openLotAt !== null
             ? ` AND EXISTS (SELECT 1 FROM lot l WHERE l.result_id = r.id AND ${openLot(param(openLotAt))})`
             : ''
         }
      ),
      hits AS (SELECT * FROM base WHERE ${names.map((name) => `f_${name}`).join(' AND ')})
      SELECT
        (SELECT value::text FROM catalogue_generation WHERE id = 1) AS generation,
        (SELECT count(*)::int FROM hits) AS total,
        ${
          q !== null
            ? `(SELECT coalesce(json_agg(json_build_array(id, score, published_key, asking_price)), '[]'::json) FROM hits)`
            : 'NULL::json'
        } AS hits,
        ${facet('field AS value', 'base', 'field', 'field')} AS field_facet,
        ${facet('m AS value', 'base, unnest(transaction_modes) m', 'mode', 'm')} AS mode_facet,
        ${facet('maturity AS value', 'base', 'maturity', 'maturity')} AS maturity_facet,
        ${facet('region AS value', 'base', 'region', 'region', 'LIMIT 30')} AS region_facet,
        ${facet(`${PRICE_BAND_SQL} AS value`, 'base', 'price', '1')} AS price_facet,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
           SELECT b.institute_id AS value, o.name AS label, b.count FROM (
             SELECT institute_id, count(*)::int AS count FROM base WHERE ${except('institute')}
              GROUP BY institute_id ORDER BY count DESC, institute_id LIMIT 30) b
           JOIN organisation o ON o.id = b.institute_id ORDER BY b.count DESC, o.name) x) AS institute_facet`;
    // the counts read every matching row once: give the materialised rows room to stay in memory
    const [row] = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL work_mem = '64MB'`);
      return (await manager.query(sql, params)) as Array<{
        generation: string;
        total: number;
        hits: Array<[string, number, string, number | null]> | null;
        field_facet: SearchFacets['field'];
        mode_facet: SearchFacets['mode'];
        maturity_facet: SearchFacets['maturity'];
        region_facet: SearchFacets['region'];
        price_facet: SearchFacets['priceBand'];
        institute_facet: SearchFacets['institute'];
      }>;
    });
    return {
      generation: row.generation,
      total: row.total,
      facets: {
        field: row.field_facet,
        mode: row.mode_facet,
        maturity: row.maturity_facet,
        region: row.region_facet,
        priceBand: row.price_facet,
        institute: row.institute_facet,
      },
      hits:
        row.hits?.map(([id, score, publishedKey, price]) => ({
          id,
          score,
          publishedKey,
          price: price === null ? null : Number(price),
        })) ?? null,
      sorted: {},
    };
  }

  /**
   * Results in a lot open now, the soonest close first. Not cached: the set changes as lots open
   * and close, which no catalogue write marks.
   */
  private async closingSoon(
    query: SearchQuery,
    tsquery: string | null,
    parsed: ParsedQuery | null,
    cursor: CursorKey | null,
    limit: number,
  ): Promise<SearchResponse> {
    const now = this.clock.now();
    const counted = await this.count(query, tsquery, now);
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const filters = Object.values(this.filters(query, param)).join(' AND ');
    const at = param(now);
    const text = tsquery !== null ? ` AND r.search_vector @@ ${param(tsquery)}::tsquery` : '';
    const keyset =
      cursor === null
        ? 'true'
        : `(l.closes_at, r.id) > (${param(cursor[0])}::timestamptz, ${param(cursor[1])}::uuid)`;
    const rows: Array<PageRow & { lot_id: string; closes_key: string }> =
      await this.dataSource.query(
        `SELECT r.id, r.title, r.summary, r.institute_id, o.name AS institute_name, r.field, r.maturity,
              r.transaction_modes, r.asking_price, r.region, ${PUBLISHED_KEY} AS published_at,
              r.view_count, r.favourite_count, 0 AS score, l.id AS lot_id,
              to_char(l.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS closes_key
         FROM result r
         JOIN lot l ON l.result_id = r.id AND ${openLot(at)}
         JOIN organisation o ON o.id = r.institute_id
        WHERE ${SEARCHABLE} AND ${filters}${text} AND ${keyset}
        ORDER BY l.closes_at, r.id LIMIT ${param(limit + 1)}`,
        params,
      );
    const page = rows.slice(0, limit);
    const terms = parsed?.highlight ?? [];
    const response: SearchResponse = {
      items: page.map((row) => ({
        ...this.item(row, terms),
        lot: { id: row.lot_id, closesAt: new Date(row.closes_key).toISOString() },
      })),
      total: counted.total,
      facets: counted.facets,
    };
    const last = page[page.length - 1];
    if (rows.length > limit && last !== undefined)
      response.nextCursor = encodeCursor('closing_soon', [last.closes_key, last.id]);
    return response;
  }

  /** Catalogue cards of hits, in the hits' order (a result gone since the count is left out). */
  private async cards(hits: Hit[]): Promise<PageRow[]> {
    if (hits.length === 0) return [];
    const rows: PageRow[] = await this.dataSource.query(
      `SELECT r.id, r.title, r.summary, r.institute_id, o.name AS institute_name, r.field, r.maturity,
              r.transaction_modes, r.asking_price, r.region, ${PUBLISHED_KEY} AS published_at,
              r.view_count, r.favourite_count
         FROM result r JOIN organisation o ON o.id = r.institute_id
        WHERE r.id = ANY($1::uuid[]) AND ${SEARCHABLE}`,
      [hits.map((hit) => hit.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return hits.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row === undefined ? [] : [{ ...row, score: hit.score }];
    });
  }

  /** A filter-only page, walked in the order of the sort's partial index. */
  private async indexPage(
    query: SearchQuery,
    sort: Exclude<SearchSort, 'closing_soon'>,
    cursor: CursorKey | null,
    take: number,
  ): Promise<PageRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const filters = Object.values(this.filters(query, param)).join(' AND ');
    const order: Record<typeof sort, string> = {
      relevance: `${POPULARITY} DESC, r.id DESC`,
      newest: 'r.published_at DESC, r.id DESC',
      price_asc: 'r.asking_price ASC NULLS LAST, r.id ASC',
      price_desc: 'r.asking_price DESC NULLS LAST, r.id ASC',
    };
    let keyset = 'true';
    if (cursor !== null) {
      const [value, id] = cursor;
      const idParam = param(id);
      if (sort === 'relevance')
        keyset = `(${POPULARITY}, r.id) < (${param(Number(value))}::float8, ${idParam}::uuid)`;
      else if (sort === 'newest')
        keyset = `(r.published_at, r.id) < (${param(value)}::timestamptz, ${idParam}::uuid)`;
      else if (value === null) keyset = `(r.asking_price IS NULL AND r.id > ${idParam}::uuid)`;
      else {
        const price = param(value);
        const beyond = sort === 'price_asc' ? '>' : '<';
        keyset = `(r.asking_price ${beyond} ${price}::bigint OR (r.asking_price = ${price}::bigint AND r.id > ${idParam}::uuid) OR r.asking_price IS NULL)`;
      }
    }
    return this.dataSource.query(
      `SELECT p.*, o.name AS institute_name FROM (
         SELECT r.id, r.title, r.summary, r.institute_id, r.field, r.maturity, r.transaction_modes,
                r.asking_price, r.region, ${PUBLISHED_KEY} AS published_at, r.view_count,
                r.favourite_count, ${POPULARITY} AS score
           FROM result r
          WHERE ${SEARCHABLE} AND ${filters} AND ${keyset}
          ORDER BY ${order[sort]} LIMIT ${param(take)}) p
       JOIN organisation o ON o.id = p.institute_id
       ORDER BY ${order[sort].replace(/r\./g, 'p.').replace(POPULARITY, 'p.score')}`,
      params,
    );
  }

  private item(row: PageRow, terms: string[]): SearchResultItem {
    return {
      id: row.id,
      title: row.title,
      titleHighlighted: highlightText(row.title, terms),
      summaryHighlighted: highlightText(row.summary, terms),
      institute: { id: row.institute_id, name: row.institute_name },
      field: row.field,
      maturity: row.maturity,
      transactionModes: row.transaction_modes,
      askingPrice: row.asking_price === null ? null : Number(row.asking_price),
      region: row.region,
      publishedAt: new Date(row.published_at).toISOString(),
      viewCount: row.view_count,
      favouriteCount: row.favourite_count,
    };
  }

  /** Autocomplete: the most popular matching titles, the last word matched as a prefix. */
  async suggest(q: string): Promise<SuggestResponse> {
    const parsed = parseQuery(q);
    if (parsed.tsquery === null) return { items: [] };
    const rows: Array<{ id: string; title: string }> = await this.dataSource.query(
      `SELECT id, title FROM result
        WHERE status IN ('published', 'in_auction') AND search_vector @@ $1::tsquery
        ORDER BY ts_rank(search_vector, $1::tsquery) * ${POPULARITY} DESC, id LIMIT 8`,
      [parsed.tsquery],
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        title: row.title,
        titleHighlighted: highlightText(row.title, parsed.highlight),
      })),
    };
  }

  /** Published results by id, as catalogue cards (for broker-linked matches). */
  async byIds(ids: string[]): Promise<SearchResultItem[]> {
    const rows: PageRow[] = await this.dataSource.query(
      `SELECT r.id, r.title, r.summary, r.institute_id, o.name AS institute_name, r.field, r.maturity, r.transaction_modes,
              r.asking_price, r.region, r.published_at, r.view_count, r.favourite_count, 0 AS score
         FROM result r JOIN organisation o ON o.id = r.institute_id
        WHERE r.id = ANY($1::uuid[]) AND r.status IN ('published', 'in_auction', 'sold')`,
      [ids],
    );
    return rows.map((row) => this.item(row, []));
  }

  /** A user's favourites still on the market, as catalogue cards, the latest favourite first. */
  async favouritesOf(userId: string, limit = 100): Promise<SearchResultItem[]> {
    const favourites: Array<{ result_id: string }> = await this.dataSource.query(
      `SELECT result_id FROM favourite WHERE user_id = $1 ORDER BY created_at DESC, result_id LIMIT $2`,
      [userId, limit],
    );
    const order = new Map(favourites.map((row, index) => [row.result_id, index]));
    const cards = await this.byIds([...order.keys()]);
    return cards.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  /**
   * Results like this one: any of its title and keyword lexemes (OR), same field first, popular
   * first. Used on a result's page and to match demands.
   */
  async similarTo(
    text: string,
    field: Field,
    excludeId: string | null,
    limit: number,
  ): Promise<Array<{ item: SearchResultItem; score: number }>> {
    const { highlight } = parseQuery(text);
    const terms = highlight.filter((term) => term.length >= 2).slice(0, 40);
    if (terms.length === 0) return [];
    const tsquery = terms
      .map((term) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`)
      .join(' | ');
    const rows: PageRow[] = await this.dataSource.query(
      `SELECT r.id, r.title, r.summary, r.institute_id, o.name AS institute_name, r.field, r.maturity, r.transaction_modes,
              r.asking_price, r.region, r.published_at, r.view_count, r.favourite_count,
              ts_rank(r.search_vector, $1::tsquery) * (CASE WHEN r.field = $2 THEN 2 ELSE 1 END) * ${POPULARITY.replace(/(favourite_count|view_count)/g, 'r.$1')} AS score
         FROM result r JOIN organisation o ON o.id = r.institute_id
        WHERE r.status IN ('published', 'in_auction') AND r.search_vector @@ $1::tsquery AND ($3::uuid IS NULL OR r.id <> $3::uuid)
        ORDER BY score DESC, r.id LIMIT $4`,
      [tsquery, field, excludeId, limit],
    );
    return rows.map((row) => ({ item: this.item(row, terms), score: Number(row.score) }));
  }
}
