import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search caches facet counts and rankings per catalogue generation: a statement trigger moves the
 * generation whenever results are added or removed or a column that search filters, counts or
 * matches on changes (not on view and favourite counts), and when an organisation is renamed (the
 * institute facet shows names). Partial indexes serve the filter-only pages of each sort.
 */
export class SearchCache1795321355690 implements MigrationInterface {
  name = 'SearchCache1795321355690';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "catalogue_generation" ("id" smallint NOT NULL, "value" bigint NOT NULL DEFAULT '0', CONSTRAINT "catalogue_generation_single_row" CHECK ("id" = 1), CONSTRAINT "PK_34fe2f3e27f968c31b3d8d616f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "catalogue_generation" ("id", "value") VALUES (1, 1)`);
    await queryRunner.query(
      `CREATE FUNCTION "catalogue_generation_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE "catalogue_generation" SET "value" = "value" + 1 WHERE "id" = 1;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "result_catalogue_generation" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF
         "status", "title", "summary", "field", "maturity", "transaction_modes", "region", "asking_price",
         "institute_id", "search_vector", "published_at"
       ON "result" FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_generation_bump"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "organisation_catalogue_generation" AFTER UPDATE OF "name" ON "organisation"
       FOR EACH STATEMENT EXECUTE FUNCTION "catalogue_generation_bump"()`,
    );
    const searchable = `WHERE "status" IN ('published', 'in_auction')`;
    await queryRunner.query(
      `CREATE INDEX "result_searchable_newest_idx" ON "result" ("published_at", "id") ${searchable}`,
    );
    await queryRunner.query(
      `CREATE INDEX "result_searchable_price_idx" ON "result" ("asking_price", "id") ${searchable}`,
    );
    await queryRunner.query(
      `CREATE INDEX "result_searchable_price_desc_idx" ON "result" ("asking_price" DESC NULLS LAST, "id") ${searchable}`,
    );
    await queryRunner.query(
      `CREATE INDEX "result_searchable_popularity_idx" ON "result"
         ((1 + 0.1 * ln(1 + favourite_count * 3 + view_count * 0.1::float8)), "id") ${searchable}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "result_searchable_popularity_idx"`);
    await queryRunner.query(`DROP INDEX "result_searchable_price_desc_idx"`);
    await queryRunner.query(`DROP INDEX "result_searchable_price_idx"`);
    await queryRunner.query(`DROP INDEX "result_searchable_newest_idx"`);
    await queryRunner.query(`DROP TRIGGER "organisation_catalogue_generation" ON "organisation"`);
    await queryRunner.query(`DROP TRIGGER "result_catalogue_generation" ON "result"`);
    await queryRunner.query(`DROP FUNCTION "catalogue_generation_bump"()`);
    await queryRunner.query(`DROP TABLE "catalogue_generation"`);
  }
}
