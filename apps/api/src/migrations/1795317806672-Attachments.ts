import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1795317806672 implements MigrationInterface {
  name = 'Attachments1795317806672';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "result_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "result_id" uuid NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ad2e23f7b3b3ad97f78a6e4e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "result_attachment_result_idx" ON "result_attachment"  ("result_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "result_attachment" ADD CONSTRAINT "FK_feb0f977748b02f57e4c3cae034" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "result_attachment" DROP CONSTRAINT "FK_feb0f977748b02f57e4c3cae034"`,
    );
    await queryRunner.query(`DROP INDEX "public"."result_attachment_result_idx"`);
    await queryRunner.query(`DROP TABLE "result_attachment"`);
  }
}
