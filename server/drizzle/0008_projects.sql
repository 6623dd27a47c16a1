CREATE TABLE "project_access" (
	"project_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"channel" text NOT NULL,
	"solicitation_id" uuid,
	"applicant_org_id" uuid NOT NULL,
	"applicant_user_id" uuid,
	"jurisdiction_code" char(6) NOT NULL,
	"center_org_id" uuid NOT NULL,
	"team" jsonb NOT NULL,
	"achievement_ids" jsonb NOT NULL,
	"industry_codes" jsonb NOT NULL,
	"disciplines" jsonb NOT NULL,
	"requested_types" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"trl" integer,
	"status" text NOT NULL,
	"status_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solicitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"industry_codes" jsonb NOT NULL,
	"requirements" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "project_access_idx" ON "project_access" USING btree ("project_id","org_id");--> statement-breakpoint
CREATE INDEX "project_events_project_idx" ON "project_events" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "projects_center_idx" ON "projects" USING btree ("center_org_id");--> statement-breakpoint
CREATE INDEX "projects_applicant_idx" ON "projects" USING btree ("applicant_org_id");--> statement-breakpoint
CREATE INDEX "projects_jurisdiction_idx" ON "projects" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "solicitations_jurisdiction_idx" ON "solicitations" USING btree ("jurisdiction_code");