CREATE TABLE "classification_corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" varchar(40) NOT NULL,
	"record_id" uuid NOT NULL,
	"text" text NOT NULL,
	"category" text,
	"discipline" text,
	"jurisdiction_code" char(6),
	"industry_codes" jsonb NOT NULL,
	"suggested" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"confidentiality" text NOT NULL,
	"archived_at" timestamp with time zone,
	"source" text DEFAULT 'form' NOT NULL,
	"source_label" text,
	"import_key" varchar(64),
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"industry_codes" jsonb NOT NULL,
	"budget_negotiable" boolean DEFAULT true NOT NULL,
	"budget_min_fen" bigint,
	"budget_max_fen" bigint,
	"deadline" date NOT NULL,
	"cooperation_modes" jsonb NOT NULL,
	"trl_wanted" smallint,
	"maturity_wanted" text,
	"contact_name" text,
	"contact_phone" varchar(32),
	"contact_email" text,
	"status" text DEFAULT 'open' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"status_reason" text
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"confidentiality" text NOT NULL,
	"archived_at" timestamp with time zone,
	"source" text DEFAULT 'form' NOT NULL,
	"source_label" text,
	"import_key" varchar(64),
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"industry_codes" jsonb NOT NULL,
	"publisher_kind" text NOT NULL,
	"address" text NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"offers" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"status_reason" text
);
--> statement-breakpoint
CREATE INDEX "classification_corrections_record_idx" ON "classification_corrections" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "demands_owner_idx" ON "demands" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "demands_jurisdiction_idx" ON "demands" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "demands_deadline_idx" ON "demands" USING btree ("deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "demands_import_key_key" ON "demands" USING btree ("import_key") WHERE "demands"."import_key" is not null;--> statement-breakpoint
CREATE INDEX "scenarios_owner_idx" ON "scenarios" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "scenarios_jurisdiction_idx" ON "scenarios" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "scenarios_deadline_idx" ON "scenarios" USING btree ("deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "scenarios_import_key_key" ON "scenarios" USING btree ("import_key") WHERE "scenarios"."import_key" is not null;