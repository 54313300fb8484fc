import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DealLifecycle1795335028403 implements MigrationInterface {
  name = 'DealLifecycle1795335028403';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deal_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "deal_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_organisation_id" uuid, "action" character varying(32) NOT NULL, "from_status" character varying(20), "to_status" character varying(20), "note" character varying(2000), "payload" jsonb, CONSTRAINT "PK_4028105cf4fef4c98657a0607a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "deal_event_deal_idx" ON "deal_event"  ("deal_id", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "deposit_entry" ADD "deal_id" uuid`);
    // deals made before this migration were all made by the close of a lot
    await queryRunner.query(
      `ALTER TABLE "deal" ADD "origin" character varying(8) NOT NULL DEFAULT 'auction'`,
    );
    await queryRunner.query(`ALTER TABLE "deal" ALTER COLUMN "origin" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "broker_id" uuid`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "proposed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "deposit_applied" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "paid_amount" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "signed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "use_started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "term_ends_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "evidence" jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await queryRunner.query(`ALTER TABLE "deal" ALTER COLUMN "evidence" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "buyer_outcome" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "buyer_agrees" boolean`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "buyer_outcome_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "seller_outcome" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "seller_agrees" boolean`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "seller_outcome_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "outcome" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "outcome_decided_by" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "outcome_reason" character varying(2000)`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "outcome_decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "term_reminded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "due_reminded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "deal" ADD "fee_due_notified_at" TIMESTAMP WITH TIME ZONE`,
    );
    // the broker of an auction deal is the host of its lot's session
    await queryRunner.query(
      `UPDATE "deal" d SET "broker_id" = s."host_id" FROM "lot" l JOIN "auction_session" s ON s."id" = l."session_id" WHERE l."id" = d."lot_id"`,
    );
    // the statuses of the lifecycle: a use-first-pay-later deal made at a close is a signed
    // licence whose fee was the hammer price; a price falls due 30 days after the close
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "deal_status_check"`);
    await queryRunner.query(
      `UPDATE "deal" SET "status" = 'signed', "signed_at" = "created_at", "ufpl_terms" = jsonb_set("ufpl_terms", '{fee}', to_jsonb("price")) WHERE "mode" = 'use_first_pay_later' AND "status" = 'in_use'`,
    );
    await queryRunner.query(
      `UPDATE "deal" SET "due_at" = "created_at" + interval '30 days' WHERE "status" = 'awaiting_payment'`,
    );
    await queryRunner.query(
      `UPDATE "deal" SET "status" = 'defaulted' WHERE "status" = 'cancelled'`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "deal_status_check" CHECK ("status" IN ('requested', 'declined', 'awaiting_payment', 'signed', 'in_use', 'outcome_pending', 'disputed', 'fee_due', 'overdue', 'completed', 'closed_not_achieved', 'defaulted'))`,
    );
    // the deposit ledger: `applied` to a deal, `unapplied` from a defaulted one; a refund is
    // `refunded` when it is made (the close of the session's last lot)
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" DROP CONSTRAINT "deposit_entry_kind_check"`,
    );
    await queryRunner.query(
      `UPDATE "deposit_entry" SET "kind" = 'refunded' WHERE "kind" = 'refund_due'`,
    );
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" ADD CONSTRAINT "deposit_entry_kind_check" CHECK ("kind" IN ('received', 'applied', 'unapplied', 'refunded', 'forfeited'))`,
    );
    await queryRunner.query(`CREATE INDEX "deal_broker_idx" ON "deal"  ("broker_id") `);
    await queryRunner.query(`CREATE INDEX "deal_status_due_idx" ON "deal"  ("status", "due_at") `);
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "deal_outcome_decided_by_check" CHECK ("outcome_decided_by" IS NULL OR "outcome_decided_by" IN ('parties', 'broker', 'admin'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "deal_outcome_check" CHECK (("outcome" IS NULL OR "outcome" IN ('achieved', 'not_achieved')) AND ("buyer_outcome" IS NULL OR "buyer_outcome" IN ('achieved', 'not_achieved')) AND ("seller_outcome" IS NULL OR "seller_outcome" IN ('achieved', 'not_achieved')))`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "deal_amounts_check" CHECK ("deposit_applied" >= 0 AND "deposit_applied" <= "price" AND "paid_amount" >= 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "deal_origin_check" CHECK ("origin" IN ('auction', 'direct'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "FK_60cbfee572b88482ee5caa91029" FOREIGN KEY ("broker_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_event" ADD CONSTRAINT "FK_2fb43461cc0a4a93dc46abab94d" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_event" ADD CONSTRAINT "FK_f536cd5c6b41bc8cc80b906cf1c" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_event" ADD CONSTRAINT "FK_a47df2f223006380074179dd9ad" FOREIGN KEY ("actor_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // back to the four statuses and kinds of before: direct deals and the history go
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" DROP CONSTRAINT "deposit_entry_kind_check"`,
    );
    await queryRunner.query(`DELETE FROM "deposit_entry" WHERE "kind" IN ('applied', 'unapplied')`);
    await queryRunner.query(
      `UPDATE "deposit_entry" SET "kind" = 'refund_due' WHERE "kind" = 'refunded'`,
    );
    await queryRunner.query(
      `ALTER TABLE "deposit_entry" ADD CONSTRAINT "deposit_entry_kind_check" CHECK ("kind" IN ('received', 'refund_due', 'refunded', 'forfeited'))`,
    );
    await queryRunner.query(`DELETE FROM "deal_event"`);
    await queryRunner.query(`DELETE FROM "deal" WHERE "origin" = 'direct'`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "deal_status_check"`);
    await queryRunner.query(
      `UPDATE "deal" SET "status" = CASE
         WHEN "status" IN ('signed', 'in_use', 'outcome_pending', 'disputed', 'fee_due') THEN 'in_use'
         WHEN "status" IN ('completed', 'closed_not_achieved') THEN 'completed'
         WHEN "status" = 'defaulted' THEN 'cancelled'
         ELSE 'awaiting_payment' END`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal" ADD CONSTRAINT "deal_status_check" CHECK ("status" IN ('awaiting_payment', 'in_use', 'completed', 'cancelled'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_event" DROP CONSTRAINT "FK_a47df2f223006380074179dd9ad"`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_event" DROP CONSTRAINT "FK_f536cd5c6b41bc8cc80b906cf1c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_event" DROP CONSTRAINT "FK_2fb43461cc0a4a93dc46abab94d"`,
    );
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "FK_60cbfee572b88482ee5caa91029"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "deal_origin_check"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "deal_amounts_check"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "deal_outcome_check"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "deal_outcome_decided_by_check"`);
    await queryRunner.query(`DROP INDEX "public"."deal_status_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deal_broker_idx"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "fee_due_notified_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "due_reminded_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "term_reminded_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "outcome_decided_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "outcome_reason"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "outcome_decided_by"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "outcome"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "seller_outcome_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "seller_agrees"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "seller_outcome"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "buyer_outcome_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "buyer_agrees"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "buyer_outcome"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "evidence"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "term_ends_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "use_started_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "signed_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "due_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "paid_amount"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "deposit_applied"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "proposed"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "broker_id"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "origin"`);
    await queryRunner.query(`ALTER TABLE "deposit_entry" DROP COLUMN "deal_id"`);
    await queryRunner.query(`DROP INDEX "public"."deal_event_deal_idx"`);
    await queryRunner.query(`DROP TABLE "deal_event"`);
  }
}
