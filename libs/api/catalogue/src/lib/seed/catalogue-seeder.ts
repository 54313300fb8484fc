import { searchTerms, searchVector, type IndexedText } from '../search/search-index';
import type { DataSource, EntityManager } from 'typeorm';
import type { GeneratedInstitute, GeneratedResult } from '../generator/generator';

export interface SeedInstitute {
  key: string;
  /** An existing organisation to own the results, or null to create one from `generated`. */
  organisationId: string | null;
  generated: GeneratedInstitute;
}

const BATCH = 500;

/** Creates (verified) the institutes that do not exist yet; returns key → organisation id. */
export async function seedInstitutes(
  manager: EntityManager,
  institutes: SeedInstitute[],
): Promise<Map<string, { id: string; name: string }>> {
  const ids = new Map<string, { id: string; name: string }>();
  for (const institute of institutes) {
    if (institute.organisationId !== null) {
      const [row] = await manager.query(`SELECT id, name FROM organisation WHERE id = $1`, [
        institute.organisationId,
      ]);
      ids.set(institute.key, { id: row.id, name: row.name });
      continue;
    }
    const [row] = await manager.query(
      `INSERT INTO organisation (type, name, credit_code, region, verified) VALUES ('institute', $1, $2, $3, true)
       ON CONFLICT (credit_code) DO UPDATE SET name = organisation.name RETURNING id, name`,
      [institute.generated.name, institute.generated.creditCode, institute.generated.region],
    );
    ids.set(institute.key, { id: row.id, name: row.name });
  }
  return ids;
}

/**
 * Writes generated results straight into the catalogue as published and indexed listings, in
 * batches of 500 rows per statement: the demo seed (300), the relevance tests and the search
 * benchmark (100,000) use it. Results get the same search vector and terms as reviewed listings.
 */
export async function seedResults(
  dataSource: DataSource,
  results: Iterable<GeneratedResult>,
  institutes: Map<string, { id: string; name: string }>,
  now: Date,
): Promise<number> {
  let batch: object[] = [];
  let count = 0;
  const terms = new Set<string>();
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await dataSource.query(
      `INSERT INTO result (institute_id, title, summary, description, field, keywords, patent_numbers, patent_status, ipc_class,
                           maturity, transaction_modes, asking_price, region, team, ufpl_terms, status, view_count, favourite_count,
                           published_at, created_at, updated_at, search_vector)
       SELECT x.institute_id, x.title, x.summary, x.description, x.field, x.keywords, x.patent_numbers, x.patent_status, x.ipc_class,
              x.maturity, x.transaction_modes, x.asking_price, x.region, x.team, x.ufpl_terms, 'published', x.view_count, x.favourite_count,
              x.published_at, x.published_at, x.published_at,
              x.search_vector::tsvector
         FROM json_to_recordset($1::json) AS x(
              institute_id uuid, title text, summary text, description text, field text, keywords text[], patent_numbers text[],
              patent_status text, ipc_class text, maturity text, transaction_modes text[], asking_price bigint, region text, team text[],
              ufpl_terms jsonb, view_count int, favourite_count int, published_at timestamptz, search_vector text)`,
      [JSON.stringify(batch)],
    );
    batch = [];
  };
  for (const result of results) {
    const institute = institutes.get(result.instituteKey);
    if (institute === undefined) throw new Error(`no institute for ${result.instituteKey}`);
    const text: IndexedText = { ...result, extra: [...result.team, institute.name] };
    for (const term of searchTerms(text)) terms.add(term);
    batch.push({
      institute_id: institute.id,
      title: result.title,
      summary: result.summary,
      description: result.description,
      field: result.field,
      keywords: result.keywords,
      patent_numbers: result.patentNumbers,
      patent_status: result.patentStatus,
      ipc_class: result.ipcClass,
      maturity: result.maturity,
      transaction_modes: result.transactionModes,
      asking_price: result.askingPrice,
      region: result.region,
      team: result.team,
      ufpl_terms: result.ufplTerms,
      view_count: result.viewCount,
      favourite_count: result.favouriteCount,
      published_at: new Date(now.getTime() - result.createdDaysAgo * 86_400_000).toISOString(),
      search_vector: searchVector(text),
    });
    count++;
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (terms.size > 0)
    await dataSource.query(
      `INSERT INTO search_term (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [[...terms]],
    );
  return count;
}
