CREATE TABLE "handoff_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"handoff_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"reported_by" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"response_note" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"resolved_on" date
);
--> statement-breakpoint
CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"center_org_id" uuid NOT NULL,
	"platform_carrier_id" uuid NOT NULL,
	"platform_org_id" uuid NOT NULL,
	"platform_city_code" char(6) NOT NULL,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"offered_by" uuid,
	"offered_at" timestamp with time zone NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"responded_on" date,
	"response_reason" text,
	"completed_on" date,
	"completion_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"handoff_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done_date" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"center_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"city_code" char(6) NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_fen" bigint,
	"details" jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_by_org_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "handoff_findings_handoff_idx" ON "handoff_findings" USING btree ("handoff_id");--> statement-breakpoint
CREATE INDEX "handoff_findings_project_idx" ON "handoff_findings" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "handoffs_project_idx" ON "handoffs" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "handoffs_platform_idx" ON "handoffs" USING btree ("platform_org_id");--> statement-breakpoint
CREATE INDEX "handoffs_center_idx" ON "handoffs" USING btree ("center_org_id");--> statement-breakpoint
CREATE INDEX "pilot_milestones_handoff_idx" ON "pilot_milestones" USING btree ("handoff_id");--> statement-breakpoint
CREATE INDEX "project_outcomes_project_idx" ON "project_outcomes" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_outcomes_center_idx" ON "project_outcomes" USING btree ("center_org_id","occurred_on");--> statement-breakpoint
CREATE INDEX "project_outcomes_city_idx" ON "project_outcomes" USING btree ("city_code","occurred_on");