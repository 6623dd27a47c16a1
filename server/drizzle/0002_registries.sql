CREATE TABLE "change_feed" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"record_type" varchar(40) NOT NULL,
	"record_id" uuid NOT NULL,
	"op" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_grants" (
	"record_type" varchar(40) NOT NULL,
	"record_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_grants_record_type_record_id_user_id_pk" PRIMARY KEY("record_type","record_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "record_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" varchar(40) NOT NULL,
	"record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"changed_fields" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_by_name" text,
	"changed_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"record_type" varchar(40) NOT NULL,
	"record_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"attributes" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "search_documents_record_type_record_id_pk" PRIMARY KEY("record_type","record_id")
);
--> statement-breakpoint
CREATE TABLE "achievements" (
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
	"summary" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"team" jsonb NOT NULL,
	"category" text,
	"discipline" text,
	"industry_codes" jsonb NOT NULL,
	"trl" smallint NOT NULL,
	"maturity" text NOT NULL,
	"ip_items" jsonb NOT NULL,
	"transfer_modes" jsonb NOT NULL,
	"price_negotiable" boolean DEFAULT true NOT NULL,
	"price_min_fen" bigint,
	"price_max_fen" bigint
);
--> statement-breakpoint
CREATE TABLE "industry_systems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"version" integer NOT NULL,
	"version_label" text NOT NULL,
	"effective_from" date,
	"effective_to" date,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"nodes" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "change_feed_at_idx" ON "change_feed" USING btree ("at");--> statement-breakpoint
CREATE INDEX "record_grants_user_idx" ON "record_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "record_revisions_record_idx" ON "record_revisions" USING btree ("record_type","record_id","version");--> statement-breakpoint
CREATE INDEX "achievements_owner_idx" ON "achievements" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "achievements_jurisdiction_idx" ON "achievements" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "achievements_import_key_key" ON "achievements" USING btree ("import_key") WHERE "achievements"."import_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "industry_systems_code_version_key" ON "industry_systems" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "industry_systems_jurisdiction_idx" ON "industry_systems" USING btree ("jurisdiction_code");