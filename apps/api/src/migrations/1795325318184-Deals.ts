import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deals1795325318184 implements MigrationInterface {
  name = 'Deals1795325318184';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lot_id" uuid, "result_id" uuid NOT NULL, "buyer_id" uuid NOT NULL, "seller_id" uuid NOT NULL, "mode" character varying(24) NOT NULL, "price" bigint NOT NULL, "status" character varying(20) NOT NULL, "ufpl_terms" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deal_price_check" CHECK ("price" >= 0), CONSTRAINT "deal_status_check" CHECK ("status" IN ('awaiting_payment', 'in_use', 'completed', 'cancelled')), CONSTRAINT "PK_9ce1c24acace60f6d7dc7a7189e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "deal_lot_key" ON "deal"  ("lot_id") `);
    await queryRunner.query(`CREATE INDEX "deal_buyer_idx" ON "deal"  ("buyer_id") `);
    await queryRunner.query(`CREATE INDEX "deal_seller_idx" ON "deal"  ("seller_id") `);
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "FK_892fa1172b0656489fd14e5a3db" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "FK_4f9abb47a8045f369d01a3c618a" FOREIGN KEY ("buyer_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "FK_65b4e9b900f67f37caf63647a09" FOREIGN KEY ("seller_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_65b4e9b900f67f37caf63647a09"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_4f9abb47a8045f369d01a3c618a"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_892fa1172b0656489fd14e5a3db"`);
    await queryRunner.query(`DROP INDEX "public"."deal_seller_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deal_buyer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deal_lot_key"`);
    await queryRunner.query(`DROP TABLE "deal"`);
  }
}
