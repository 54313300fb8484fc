import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException } from '@kepai/api-core';
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
const POPULARITY = `(1 + 0.1 * ln(1 + favourite_count * 3 + view_count * 0.1))`;

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

type CursorKey = [number | string | null, string];

function encodeCursor(sort: SearchSort, key: CursorKey): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A cursor's sort key must be what that sort orders by, or the SQL cast would fail. */
function keyFits(sort: SearchSort, value: unknown): boolean {
  if (sort === 'relevance') return typeof value === 'number' && Number.isFinite(value);
  if (sort === 'newest')
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

/**
 * The catalogue search of DESIGN §5: CJK bigrams and Latin words against a GIN-indexed tsvector,
 * typo-tolerant Latin words through pg_trgm, facet counts that each honour every other active
 * filter, four sorts, keyset pagination and highlights; the page and the facets in one statement.
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  async search(query: SearchQuery): Promise<SearchResponse> {
    const sort: SearchSort = query.sort ?? 'relevance';
    const limit = query.limit ?? 20;
    const parsed = await this.parse(query.q);
    if (query.q !== undefined && query.q.trim() !== '' && parsed?.tsquery === null) {
      return {
        items: [],
        facets: { field: [], mode: [], maturity: [], region: [], priceBand: [], institute: [] },
        total: 0,
      };
    }
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const tsquery = parsed?.tsquery ? param(parsed.tsquery) : null;
    const score =
      tsquery !== null
        ? `ts_rank(r.search_vector, ${tsquery}::tsquery) * ${POPULARITY}`
        : POPULARITY;

    const filters: Record<
      'field' | 'mode' | 'maturity' | 'region' | 'price' | 'institute',
      string
    > = {
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
    const except = (skip: keyof typeof filters): string =>
      (Object.keys(filters) as Array<keyof typeof filters>)
        .filter((name) => name !== skip)
        .map((name) => `f_${name}`)
        .join(' AND ');

    const order: Record<SearchSort, { by: string; key: string }> = {
      relevance: { by: 'score DESC, id DESC', key: 'score' },
      newest: { by: 'published_at DESC, id DESC', key: 'published_at' },
      price_asc: { by: 'asking_price ASC NULLS LAST, id ASC', key: 'asking_price' },
      price_desc: { by: 'asking_price DESC NULLS LAST, id ASC', key: 'asking_price' },
    };
    // the same order on the page rows, which are joined after the limit
    const pageOrder = order[sort].by.replace(/(^|, )/g, '$1h.');
    let keyset = 'true';
    if (query.cursor !== undefined) {
      const [value, id] = decodeCursor(sort, query.cursor);
      const idParam = param(id);
      if (sort === 'relevance')
        keyset = `(score, id) < (${param(Number(value))}::float8, ${idParam}::uuid)`;
      else if (sort === 'newest')
        keyset = `(published_at, id) < (${param(value)}::timestamptz, ${idParam}::uuid)`;
      else if (value === null) keyset = `(asking_price IS NULL AND id > ${idParam}::uuid)`;
      else {
        const price = param(value);
        keyset =
          sort === 'price_asc'
            ? `(asking_price > ${price}::bigint OR (asking_price = ${price}::bigint AND id > ${idParam}::uuid) OR asking_price IS NULL)`
            : `(asking_price < ${price}::bigint OR (asking_price = ${price}::bigint AND id > ${idParam}::uuid) OR asking_price IS NULL)`;
      }
    }
    const limitParam = param(limit + 1);

    const sql = `
      WITH base AS MATERIALIZED (
        SELECT r.id, r.institute_id, r.field, r.maturity, r.transaction_modes, r.region, r.asking_price,
               r.published_at, r.view_count, r.favourite_count, ${score} AS score,
               ${filters.field} AS f_field, ${filters.mode} AS f_mode, ${filters.maturity} AS f_maturity,
               ${filters.region} AS f_region, ${filters.price} AS f_price, ${filters.institute} AS f_institute
          FROM result r
         WHERE r.status IN ('published', 'in_auction')${tsquery !== null ? ` AND r.search_vector @@ ${tsquery}::tsquery` : ''}
      ),
      hits AS (SELECT * FROM base WHERE f_field AND f_mode AND f_maturity AND f_region AND f_price AND f_institute)
      SELECT
        (SELECT count(*)::int FROM hits) AS total,
        (SELECT coalesce(json_agg(p ORDER BY p.ord), '[]'::json) FROM (
           SELECT h.id, r.title, r.summary, h.institute_id, o.name AS institute_name, h.field, h.maturity,
                  h.transaction_modes, h.asking_price, h.region, h.published_at, h.view_count, h.favourite_count,
                  h.score, row_number() OVER (ORDER BY ${pageOrder}) AS ord
             FROM (SELECT * FROM hits WHERE ${keyset} ORDER BY ${order[sort].by} LIMIT ${limitParam}) h
             JOIN result r ON r.id = h.id
             JOIN organisation o ON o.id = h.institute_id) p) AS page,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
           SELECT field AS value, count(*)::int AS count FROM base WHERE ${except('field')} GROUP BY field ORDER BY count DESC, value) x) AS field_facet,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
           SELECT m AS value, count(*)::int AS count FROM base, unnest(transaction_modes) m WHERE ${except('mode')} GROUP BY m ORDER BY count DESC, value) x) AS mode_facet,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
           SELECT maturity AS value, count(*)::int AS count FROM base WHERE ${except('maturity')} GROUP BY maturity ORDER BY count DESC, value) x) AS maturity_facet,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
           SELECT region AS value, count(*)::int AS count FROM base WHERE ${except('region')} GROUP BY region ORDER BY count DESC, value LIMIT 30) x) AS region_facet,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
           SELECT ${PRICE_BAND_SQL} AS value, count(*)::int AS count FROM base WHERE ${except('price')} GROUP BY 1 ORDER BY count DESC, value) x) AS price_facet,
        (SELECT coalesce(json_agg(x), '[]'::json) FROM (
           SELECT b.institute_id AS value, o.name AS label, b.count FROM (
             SELECT institute_id, count(*)::int AS count FROM base WHERE ${except('institute')} GROUP BY institute_id ORDER BY count DESC, institute_id LIMIT 30) b
           JOIN organisation o ON o.id = b.institute_id ORDER BY b.count DESC, o.name) x) AS institute_facet`;
    const [row] = (await this.dataSource.query(sql, params)) as Array<{
      total: number;
      page: PageRow[];
      field_facet: SearchFacets['field'];
      mode_facet: SearchFacets['mode'];
      maturity_facet: SearchFacets['maturity'];
      region_facet: SearchFacets['region'];
      price_facet: SearchFacets['priceBand'];
      institute_facet: SearchFacets['institute'];
    }>;
    const terms = parsed?.highlight ?? [];
    const rows = row.page.slice(0, limit);
    const items = rows.map((page) => this.item(page, terms));
    const last = rows[rows.length - 1];
    const response: SearchResponse = {
      items,
      total: row.total,
      facets: {
        field: row.field_facet,
        mode: row.mode_facet,
        maturity: row.maturity_facet,
        region: row.region_facet,
        priceBand: row.price_facet,
        institute: row.institute_facet,
      },
    };
    if (row.page.length > limit && last !== undefined) {
      const key: CursorKey[0] =
        order[sort].key === 'score'
          ? last.score
          : order[sort].key === 'published_at'
            ? last.published_at
            : last.asking_price === null
              ? null
              : Number(last.asking_price);
      response.nextCursor = encodeCursor(sort, [key, last.id]);
    }
    return response;
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
