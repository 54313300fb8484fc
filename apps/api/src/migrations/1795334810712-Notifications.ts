import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795334810712 implements MigrationInterface {
  name = 'Notifications1795334810712';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "payload" jsonb NOT NULL, "dedupe_key" character varying(200), "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_kind_check" CHECK ("kind" IN ('outbid', 'lot_won', 'lot_lost', 'registration_approved', 'deposit_confirmed', 'deposit_refunded', 'deposit_forfeited', 'favourite_lot_opening', 'demand_matched', 'deal_requested', 'deal_accepted', 'deal_declined', 'ufpl_term_ending', 'ufpl_evidence_submitted', 'ufpl_outcome', 'ufpl_disputed', 'payment_due_soon', 'payment_due', 'payment_overdue', 'payment_received')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_user_unread_idx" ON "notification"  ("user_id", "created_at", "id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_user_newest_idx" ON "notification"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification"  ("user_id", "dedupe_key") WHERE "dedupe_key" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to_address" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "notification_id" uuid, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "email_outbox_attempts_check" CHECK ("attempts" >= 0), CONSTRAINT "email_outbox_status_check" CHECK ("status" IN ('pending', 'sent', 'failed')), CONSTRAINT "PK_b6fbfc201f705fbf1ac87bd7197" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "email_outbox_notification_idx" ON "email_outbox"  ("notification_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "email_outbox_due_idx" ON "email_outbox"  ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_outbox" ADD CONSTRAINT "FK_84a6c7b34bd1ceafc4c7820abb5" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "email_outbox" DROP CONSTRAINT "FK_84a6c7b34bd1ceafc4c7820abb5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`,
    );
    await queryRunner.query(`DROP INDEX "public"."email_outbox_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."email_outbox_notification_idx"`);
    await queryRunner.query(`DROP TABLE "email_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."notification_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_newest_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_unread_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
