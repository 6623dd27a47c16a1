CREATE TABLE "investor_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"stages" jsonb NOT NULL,
	"industry_codes" jsonb NOT NULL,
	"focus_keywords" jsonb NOT NULL,
	"ticket_min_fen" bigint NOT NULL,
	"ticket_max_fen" bigint NOT NULL,
	"jurisdiction_codes" jsonb NOT NULL,
	"introduction" text NOT NULL,
	"confidentiality" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
