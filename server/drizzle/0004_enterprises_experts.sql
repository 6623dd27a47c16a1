CREATE TABLE "enterprise_profiles" (
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
	"tiers" jsonb NOT NULL,
	"gbt_section" varchar(1),
	"gbt_division" varchar(2),
	"industry_codes" jsonb NOT NULL,
	"yearly" jsonb NOT NULL,
	"main_products" jsonb NOT NULL,
	"keywords" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"address" text,
	"longitude" double precision,
	"latitude" double precision,
	"contact_name" text,
	"contact_phone" varchar(32),
	"contact_email" varchar(254)
);
--> statement-breakpoint
CREATE TABLE "experts" (
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
	"title" text,
	"current_org_id" uuid,
	"current_org_name" text,
	"disciplines" jsonb NOT NULL,
	"industry_codes" jsonb NOT NULL,
	"keywords" jsonb NOT NULL,
	"think_tanks" jsonb NOT NULL,
	"affiliations" jsonb NOT NULL,
	"relationships" jsonb NOT NULL,
	"enterprise_ties" jsonb NOT NULL,
	"declared_conflicts" jsonb NOT NULL,
	"availability" text DEFAULT 'available' NOT NULL,
	"busy_until" date,
	"contact_phone" varchar(32),
	"contact_email" varchar(254),
	"user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "enterprise_profiles" ADD CONSTRAINT "enterprise_profiles_id_organizations_id_fk" FOREIGN KEY ("id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_profiles_jurisdiction_idx" ON "enterprise_profiles" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "enterprise_profiles_gbt_idx" ON "enterprise_profiles" USING btree ("gbt_section","gbt_division");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_profiles_import_key_key" ON "enterprise_profiles" USING btree ("import_key") WHERE "enterprise_profiles"."import_key" is not null;--> statement-breakpoint
CREATE INDEX "experts_owner_idx" ON "experts" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "experts_jurisdiction_idx" ON "experts" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_key" ON "experts" USING btree ("user_id") WHERE "experts"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "experts_import_key_key" ON "experts" USING btree ("import_key") WHERE "experts"."import_key" is not null;