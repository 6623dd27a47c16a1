ALTER TABLE "vouchers" ADD COLUMN "jurisdiction_code" char(6) NOT NULL;--> statement-breakpoint
CREATE INDEX "vouchers_area_idx" ON "vouchers" USING btree ("jurisdiction_code","valid_to");