import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RetentionIndexes1796556667399 implements MigrationInterface {
  name = 'RetentionIndexes1796556667399';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "notification_created_idx" ON "notification"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "email_outbox_done_idx" ON "email_outbox"  ("created_at") WHERE "status" <> 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "bid_lot_paddle_idx" ON "bid"  ("lot_id", "paddle") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."bid_lot_paddle_idx"`);
    await queryRunner.query(`DROP INDEX "public"."email_outbox_done_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_created_idx"`);
  }
}
