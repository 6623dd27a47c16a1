CREATE TABLE "evaluation_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"expert_name" text NOT NULL,
	"role" text NOT NULL,
	"source" text NOT NULL,
	"affinity" double precision NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"invited_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"scores" jsonb NOT NULL,
	"comments" jsonb NOT NULL,
	"overall_comment" text,
	"scored_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_candidates" (
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"affinity" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	CONSTRAINT "evaluation_candidates_round_id_project_id_expert_id_pk" PRIMARY KEY("round_id","project_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_pair_rules" (
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_pair_rules_round_id_project_id_expert_id_pk" PRIMARY KEY("round_id","project_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_round_projects" (
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"tanks" jsonb NOT NULL,
	"reviewers" integer,
	"decision" text,
	"decision_explanation" text,
	"decision_detail" jsonb,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "evaluation_round_projects_round_id_project_id_pk" PRIMARY KEY("round_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"center_org_id" uuid NOT NULL,
	"jurisdiction_code" char(6) NOT NULL,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"reviewers_per_project" integer NOT NULL,
	"default_cap" integer NOT NULL,
	"cap_overrides" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"reminder_workdays" integer NOT NULL,
	"outlier_threshold" double precision NOT NULL,
	"admission_threshold" double precision,
	"status" text NOT NULL,
	"criteria_locked_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"objective" jsonb NOT NULL,
	"certified" boolean NOT NULL,
	"short_projects" jsonb NOT NULL,
	"exclusions" jsonb NOT NULL,
	"rejected_fixed" jsonb NOT NULL,
	"progress" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"ms" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_conditions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"gate_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_date" date,
	"resolved_on" date,
	"resolution" text,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "stage_delegations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"instrument_id" uuid,
	"work" text NOT NULL,
	"cost_fen" bigint NOT NULL,
	"performed_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_deliverables" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"sm3" char(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_expenses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"item" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payee" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_gates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"decision" text NOT NULL,
	"reasons" text NOT NULL,
	"director_name" text NOT NULL,
	"director_role" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done_date" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_reopenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"finding_id" uuid,
	"reopened_by" uuid,
	"reopened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(24) NOT NULL,
	"verification_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"center_org_id" uuid NOT NULL,
	"city_code" char(6) NOT NULL,
	"kind" text NOT NULL,
	"issued_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"digest" char(64) NOT NULL,
	"signed_by_name" text NOT NULL,
	"signed_by_role" text NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"superseded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "verification_stages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"verification_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"ordinal" smallint NOT NULL,
	"status" text NOT NULL,
	"skip_reason" text,
	"budget_fen" bigint NOT NULL,
	"started_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"center_org_id" uuid NOT NULL,
	"city_code" char(6) NOT NULL,
	"first_stage" text NOT NULL,
	"last_stage" text NOT NULL,
	"status" text NOT NULL,
	"reopened_from" text,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_assignments_pair_key" ON "evaluation_assignments" USING btree ("round_id","project_id","expert_id");--> statement-breakpoint
CREATE INDEX "evaluation_assignments_user_idx" ON "evaluation_assignments" USING btree ("expert_user_id");--> statement-breakpoint
CREATE INDEX "evaluation_assignments_project_idx" ON "evaluation_assignments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "evaluation_round_projects_project_idx" ON "evaluation_round_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_center_idx" ON "evaluation_rounds" USING btree ("center_org_id");--> statement-breakpoint
CREATE INDEX "evaluation_runs_round_idx" ON "evaluation_runs" USING btree ("round_id","at");--> statement-breakpoint
CREATE INDEX "gate_conditions_verification_idx" ON "gate_conditions" USING btree ("verification_id");--> statement-breakpoint
CREATE INDEX "stage_delegations_stage_idx" ON "stage_delegations" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "stage_deliverables_stage_idx" ON "stage_deliverables" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "stage_expenses_stage_idx" ON "stage_expenses" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "stage_gates_stage_idx" ON "stage_gates" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "stage_milestones_stage_idx" ON "stage_milestones" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "stage_reopenings_stage_idx" ON "stage_reopenings" USING btree ("stage_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_reports_code_key" ON "verification_reports" USING btree ("code");--> statement-breakpoint
CREATE INDEX "verification_reports_center_idx" ON "verification_reports" USING btree ("center_org_id","issued_on");--> statement-breakpoint
CREATE INDEX "verification_reports_project_idx" ON "verification_reports" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_stages_key" ON "verification_stages" USING btree ("verification_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "verifications_project_key" ON "verifications" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "verifications_center_idx" ON "verifications" USING btree ("center_org_id");