import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1795316482060 implements MigrationInterface {
  name = 'Catalogue1795316482060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institute_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "summary" character varying(500) NOT NULL, "description" text NOT NULL, "field" character varying(16) NOT NULL, "keywords" text array NOT NULL, "patent_numbers" text array NOT NULL, "patent_status" character varying(16), "ipc_class" character varying(32), "maturity" character varying(16) NOT NULL, "transaction_modes" text array NOT NULL, "asking_price" bigint, "region" character varying(64) NOT NULL, "team" text array NOT NULL, "ufpl_terms" jsonb, "status" character varying(20) NOT NULL, "reject_reason" character varying(500), "view_count" integer NOT NULL DEFAULT '0', "favourite_count" integer NOT NULL DEFAULT '0', "search_vector" tsvector, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "result_asking_price_check" CHECK ("asking_price" IS NULL OR "asking_price" > 0), CONSTRAINT "result_maturity_check" CHECK ("maturity" IN ('research', 'lab', 'pilot', 'production')), CONSTRAINT "result_field_check" CHECK ("field" IN ('it', 'biomed', 'materials', 'manufacturing', 'energy', 'environment', 'agriculture', 'other')), CONSTRAINT "result_status_check" CHECK ("status" IN ('draft', 'pending_review', 'published', 'in_auction', 'sold', 'withdrawn')), CONSTRAINT "PK_c93b145f3c2e95f6d9e21d188e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "result_institute_idx" ON "result"  ("institute_id") `);
    await queryRunner.query(
      `CREATE INDEX "result_asking_price_idx" ON "result"  ("asking_price") `,
    );
    await queryRunner.query(
      `CREATE INDEX "result_status_published_idx" ON "result"  ("status", "published_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "favourite" ("user_id" uuid NOT NULL, "result_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9023802d371f9649ac43da4956b" PRIMARY KEY ("user_id", "result_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "favourite_result_idx" ON "favourite"  ("result_id") `);
    await queryRunner.query(
      `CREATE TABLE "result_view" ("result_id" uuid NOT NULL, "viewer_key" character(64) NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_88fd69e41bbfe2c8d1d303a3757" PRIMARY KEY ("result_id", "viewer_key", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_term" ("term" character varying(40) NOT NULL, CONSTRAINT "PK_5a99647cf66a5d162201b10e5ae" PRIMARY KEY ("term"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "demand" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "created_by" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "field" character varying(16) NOT NULL, "budget" bigint, "deadline" date, "status" character varying(16) NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "demand_status_check" CHECK ("status" IN ('open', 'closed')), CONSTRAINT "demand_field_check" CHECK ("field" IN ('it', 'biomed', 'materials', 'manufacturing', 'energy', 'environment', 'agriculture', 'other')), CONSTRAINT "PK_2e27cd7b3d79c50d197cb0b3924" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "demand_enterprise_idx" ON "demand"  ("enterprise_id") `);
    await queryRunner.query(
      `CREATE TABLE "demand_link" ("demand_id" uuid NOT NULL, "result_id" uuid NOT NULL, "broker_id" uuid NOT NULL, "linked_by" uuid NOT NULL, "note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3d1c410e4893cd8f9916092ea22" PRIMARY KEY ("demand_id", "result_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "result" ADD CONSTRAINT "FK_f049603291077a171d851567a09" FOREIGN KEY ("institute_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "favourite" ADD CONSTRAINT "FK_5ba47c6540e2e27fcc8f1f7913a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "favourite" ADD CONSTRAINT "FK_cb79b9f26dff5f7747dfbc4988d" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "result_view" ADD CONSTRAINT "FK_396cb72a3cc2b093459d597148a" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand" ADD CONSTRAINT "FK_4dd9fdb018ab3bddb66664e914e" FOREIGN KEY ("enterprise_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand" ADD CONSTRAINT "FK_dea4c19de5219ddb7eb17ac7df2" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_link" ADD CONSTRAINT "FK_f1960015fd0ae606aa97b7704a1" FOREIGN KEY ("demand_id") REFERENCES "demand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_link" ADD CONSTRAINT "FK_4738ae268d6caec5db3eaa14373" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_link" ADD CONSTRAINT "FK_5d8ed56f710b6af1db53ccb1656" FOREIGN KEY ("broker_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // the indexes TypeORM cannot describe: full text, trigram, array overlap
    await queryRunner.query(
      `CREATE INDEX "result_search_idx" ON "result" USING gin ("search_vector")`,
    );
    await queryRunner.query(
      `CREATE INDEX "result_modes_idx" ON "result" USING gin ("transaction_modes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "search_term_trgm_idx" ON "search_term" USING gin ("term" gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "search_term_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "result_modes_idx"`);
    await queryRunner.query(`DROP INDEX "result_search_idx"`);
    await queryRunner.query(
      `ALTER TABLE "demand_link" DROP CONSTRAINT "FK_5d8ed56f710b6af1db53ccb1656"`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_link" DROP CONSTRAINT "FK_4738ae268d6caec5db3eaa14373"`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_link" DROP CONSTRAINT "FK_f1960015fd0ae606aa97b7704a1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand" DROP CONSTRAINT "FK_dea4c19de5219ddb7eb17ac7df2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand" DROP CONSTRAINT "FK_4dd9fdb018ab3bddb66664e914e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "result_view" DROP CONSTRAINT "FK_396cb72a3cc2b093459d597148a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "favourite" DROP CONSTRAINT "FK_cb79b9f26dff5f7747dfbc4988d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "favourite" DROP CONSTRAINT "FK_5ba47c6540e2e27fcc8f1f7913a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "result" DROP CONSTRAINT "FK_f049603291077a171d851567a09"`,
    );
    await queryRunner.query(`DROP TABLE "demand_link"`);
    await queryRunner.query(`DROP INDEX "public"."demand_enterprise_idx"`);
    await queryRunner.query(`DROP TABLE "demand"`);
    await queryRunner.query(`DROP TABLE "search_term"`);
    await queryRunner.query(`DROP TABLE "result_view"`);
    await queryRunner.query(`DROP INDEX "public"."favourite_result_idx"`);
    await queryRunner.query(`DROP TABLE "favourite"`);
    await queryRunner.query(`DROP INDEX "public"."result_status_published_idx"`);
    await queryRunner.query(`DROP INDEX "public"."result_asking_price_idx"`);
    await queryRunner.query(`DROP INDEX "public"."result_institute_idx"`);
    await queryRunner.query(`DROP TABLE "result"`);
  }
}
