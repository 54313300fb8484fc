import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionIndexes1796556667399 implements MigrationInterface {
  name = 'RetentionIndexes1796556667399';

  // IF NOT EXISTS: on a large bid table, an operator may build the indexes beforehand with
  // CREATE INDEX CONCURRENTLY (migrations run in one transaction, which would block writes)
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "notification_created_idx" ON "notification"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "email_outbox_done_idx" ON "email_outbox"  ("created_at") WHERE "status" <> 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "bid_lot_paddle_idx" ON "bid"  ("lot_id", "paddle") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."bid_lot_paddle_idx"`);
    await queryRunner.query(`DROP INDEX "public"."email_outbox_done_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_created_idx"`);
  }
}
