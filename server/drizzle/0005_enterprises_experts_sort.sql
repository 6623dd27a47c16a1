CREATE TABLE "carriers" (
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
	"name" text NOT NULL,
	"name_sort" text NOT NULL,
	"kind" text NOT NULL,
	"subtype" text,
	"industry_codes" jsonb NOT NULL,
	"address" text NOT NULL,
	"longitude" double precision,
	"latitude" double precision,
	"capabilities" jsonb NOT NULL,
	"fee_standards" jsonb NOT NULL,
	"level" text,
	"accreditation_status" text DEFAULT 'none' NOT NULL,
	"accreditation_year" smallint,
	"directors" jsonb NOT NULL,
	"host_institution" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"introduction" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instruments" (
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
	"carrier_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_sort" text NOT NULL,
	"asset_number" text,
	"category" text NOT NULL,
	"model" text,
	"manufacturer" text,
	"specifications" text NOT NULL,
	"has_cma" boolean DEFAULT false NOT NULL,
	"has_cnas" boolean DEFAULT false NOT NULL,
	"open_hours" text,
	"booking_method" text,
	"price_fen" bigint,
	"fee_unit" text,
	"location" text,
	"availability" text DEFAULT 'available' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_profiles" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "carriers_owner_idx" ON "carriers" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "carriers_jurisdiction_idx" ON "carriers" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "carriers_kind_idx" ON "carriers" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "carriers_import_key_key" ON "carriers" USING btree ("import_key") WHERE "carriers"."import_key" is not null;--> statement-breakpoint
CREATE INDEX "instruments_carrier_idx" ON "instruments" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "instruments_owner_idx" ON "instruments" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "instruments_jurisdiction_idx" ON "instruments" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_import_key_key" ON "instruments" USING btree ("import_key") WHERE "instruments"."import_key" is not null;--> statement-breakpoint
CREATE INDEX "enterprise_profiles_sort_name_idx" ON "enterprise_profiles" USING btree ("sort_name");--> statement-breakpoint
CREATE INDEX "experts_sort_name_idx" ON "experts" USING btree ("sort_name");