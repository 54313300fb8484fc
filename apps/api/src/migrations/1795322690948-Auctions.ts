import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Auctions1795322690948 implements MigrationInterface {
  name = 'Auctions1795322690948';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auction_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "host_id" uuid NOT NULL, "created_by" uuid NOT NULL, "title" character varying(200) NOT NULL, "format" character varying(8) NOT NULL, "deposit_amount" bigint NOT NULL, "soft_close_seconds" integer NOT NULL, "live_countdown_seconds" integer NOT NULL DEFAULT '30', "increments" jsonb NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "auction_session_countdown_check" CHECK ("live_countdown_seconds" BETWEEN 5 AND 600), CONSTRAINT "auction_session_soft_close_check" CHECK ("soft_close_seconds" BETWEEN 0 AND 3600), CONSTRAINT "auction_session_deposit_check" CHECK ("deposit_amount" >= 0), CONSTRAINT "auction_session_format_check" CHECK ("format" IN ('timed', 'live')), CONSTRAINT "PK_77d05796f772fc75a3523311152" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "auction_session_host_idx" ON "auction_session"  ("host_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "auction_session_starts_idx" ON "auction_session"  ("starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "result_id" uuid NOT NULL, "seller_id" uuid NOT NULL, "mode" character varying(24) NOT NULL, "starting_price" bigint NOT NULL, "reserve_price" bigint, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'scheduled', "paused" boolean NOT NULL DEFAULT false, "price" bigint, "leader_paddle" integer, "leader_max" bigint, "leader_seq" integer, "last_seq" integer NOT NULL DEFAULT '0', "last_hash" character(64), "hammer_price" bigint, "winner_registration_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lot_times_check" CHECK ("closes_at" > "opens_at"), CONSTRAINT "lot_prices_check" CHECK ("starting_price" > 0 AND ("reserve_price" IS NULL OR "reserve_price" > 0)), CONSTRAINT "lot_status_check" CHECK ("status" IN ('scheduled', 'open', 'sold', 'unsold', 'withdrawn')), CONSTRAINT "PK_2ba293e2165c7b93cd766c8ac9b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "lot_session_idx" ON "lot"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "lot_result_idx" ON "lot"  ("result_id") `);
    await queryRunner.query(`CREATE INDEX "lot_closing_idx" ON "lot"  ("status", "closes_at") `);
    await queryRunner.query(
      `CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_by" uuid NOT NULL, "deposit_status" character varying(12) NOT NULL DEFAULT 'pending', "paddle" integer, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "registration_session_paddle_key" UNIQUE ("session_id", "paddle"), CONSTRAINT "registration_session_organisation_key" UNIQUE ("session_id", "organisation_id"), CONSTRAINT "registration_deposit_status_check" CHECK ("deposit_status" IN ('pending', 'confirmed', 'refunded', 'forfeited')), CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "registration_organisation_idx" ON "registration"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deposit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "amount" bigint NOT NULL, "reference" character varying(100), "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deposit_entry_amount_check" CHECK ("amount" >= 0), CONSTRAINT "deposit_entry_kind_check" CHECK ("kind" IN ('received', 'refund_due', 'refunded', 'forfeited')), CONSTRAINT "PK_a488b527254001f78ba186fdb4f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "deposit_entry_registration_idx" ON "deposit_entry"  ("registration_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "bid" ("lot_id" uuid NOT NULL, "seq" integer NOT NULL, "paddle" integer NOT NULL, "amount" bigint NOT NULL, "max_amount" bigint, "kind" character varying(8) NOT NULL, "bid_id" uuid, "outcome" jsonb, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "bid_lot_bid_id_key" UNIQUE ("lot_id", "bid_id"), CONSTRAINT "bid_seq_check" CHECK ("seq" > 0), CONSTRAINT "bid_kind_check" CHECK ("kind" IN ('manual', 'proxy')), CONSTRAINT "PK_fc8111a9c3c2b9f14d32a41beac" PRIMARY KEY ("lot_id", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "auction_session" ADD CONSTRAINT "FK_1caad57152772f7da1f46a53707" FOREIGN KEY ("host_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot" ADD CONSTRAINT "FK_b021de180e2bc732e8722247f1d" FOREIGN KEY ("session_id") REFERENCES "auction_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot" ADD CONSTRAINT "FK_620cfb44710e051f3b1932dae4a" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "FK_faed2fd56327e038efcb3b53150" FOREIGN KEY ("session_id") REFERENCES "auction_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "FK_15afaeb8a3907059ec255aa766e" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" ADD CONSTRAINT "FK_c7f6c136b3653c69c7e321a1fae" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" ADD CONSTRAINT "FK_790e0d8bf06438d4d452ed7e1d0" FOREIGN KEY ("recorded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bid" ADD CONSTRAINT "FK_f27b0deb3ec5d91519604975815" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bid" DROP CONSTRAINT "FK_f27b0deb3ec5d91519604975815"`);
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" DROP CONSTRAINT "FK_790e0d8bf06438d4d452ed7e1d0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" DROP CONSTRAINT "FK_c7f6c136b3653c69c7e321a1fae"`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" DROP CONSTRAINT "FK_15afaeb8a3907059ec255aa766e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" DROP CONSTRAINT "FK_faed2fd56327e038efcb3b53150"`,
    );
    await queryRunner.query(`ALTER TABLE "lot" DROP CONSTRAINT "FK_620cfb44710e051f3b1932dae4a"`);
    await queryRunner.query(`ALTER TABLE "lot" DROP CONSTRAINT "FK_b021de180e2bc732e8722247f1d"`);
    await queryRunner.query(
      `ALTER TABLE "auction_session" DROP CONSTRAINT "FK_1caad57152772f7da1f46a53707"`,
    );
    await queryRunner.query(`DROP TABLE "bid"`);
    await queryRunner.query(`DROP INDEX "public"."deposit_entry_registration_idx"`);
    await queryRunner.query(`DROP TABLE "deposit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."registration_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "registration"`);
    await queryRunner.query(`DROP INDEX "public"."lot_closing_idx"`);
    await queryRunner.query(`DROP INDEX "public"."lot_result_idx"`);
    await queryRunner.query(`DROP INDEX "public"."lot_session_idx"`);
    await queryRunner.query(`DROP TABLE "lot"`);
    await queryRunner.query(`DROP INDEX "public"."auction_session_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."auction_session_host_idx"`);
    await queryRunner.query(`DROP TABLE "auction_session"`);
  }
}
