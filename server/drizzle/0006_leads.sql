CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" varchar(40) NOT NULL,
	"record_id" uuid NOT NULL,
	"record_title" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"message" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("owner_org_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_from_idx" ON "leads" USING btree ("from_user_id");--> statement-breakpoint
CREATE INDEX "leads_record_idx" ON "leads" USING btree ("record_type","record_id");